import Testing
@testable import GreenlightVerify

@Suite struct ConnectionURLTests {
    @Test func splitsEveryPart() throws {
        let url = try ConnectionURL.parse("postgresql://app%40prod:p%3Ass@db.internal:6543/orders%2Fmain?sslmode=require&application_name=x")
        #expect(url.scheme == "postgresql")
        #expect(url.user == "app@prod")
        #expect(url.password == "p:ss")
        #expect(url.host == "db.internal")
        #expect(url.port == 6543)
        #expect(url.path == "orders/main")
        #expect(url.queryValue("sslmode") == "require")
        #expect(url.queryValue("application_name") == "x")
    }

    @Test func ipv6HostsAndMissingParts() throws {
        let v6 = try ConnectionURL.parse("redis://[::1]:6380")
        #expect(v6.host == "::1")
        #expect(v6.port == 6380)
        #expect(v6.address(defaultPort: 1) == "[::1]:6380")
        let bare = try ConnectionURL.parse("redis://cache")
        #expect(bare.user == nil && bare.password == nil && bare.port == nil && bare.path.isEmpty)
        let passwordOnly = try ConnectionURL.parse("redis://:secret@cache/2")
        #expect(passwordOnly.user == nil && passwordOnly.password == "secret" && passwordOnly.path == "2")
    }

    @Test func reportsWhatIsWrong() {
        #expect(throws: ConnectionURL.ParseError(description: "no scheme (expected scheme://host)")) {
            try ConnectionURL.parse("db.internal:5432")
        }
        #expect(throws: ConnectionURL.ParseError(description: "invalid port \"54x\"")) { try ConnectionURL.parse("postgres://h:54x/db") }
        #expect(throws: ConnectionURL.ParseError(description: "no host")) { try ConnectionURL.parse("postgres://u:pw@/db") }
        #expect(throws: ConnectionURL.ParseError(description: "invalid percent-encoding in the password")) {
            try ConnectionURL.parse("postgres://u:%zz@h/db")
        }
    }

    @Test func redactionHidesOnlyThePassword() {
        #expect(ConnectionURL.redacted("postgresql://app:s3cret@db:5432/x?sslmode=require") == "postgresql://app:***@db:5432/x?sslmode=require")
        #expect(ConnectionURL.redacted("redis://:p@ss@cache:6379/0") == "redis://:***@cache:6379/0")
        #expect(ConnectionURL.redacted("redis://cache:6379") == "redis://cache:6379")
        #expect(ConnectionURL.redacted("redis://user@cache") == "redis://user@cache")
    }

    @Test func redisEndpoints() throws {
        let endpoint = try RedisEndpoint.parse("rediss://worker:pw%21@cache.internal/3").get()
        #expect(endpoint == RedisEndpoint(host: "cache.internal", port: 6379, tls: true, user: "worker", password: "pw!", database: 3))
        #expect(endpoint.commands.map(\.name) == ["AUTH", "SELECT", "PING", "INFO"])
        #expect(endpoint.commands[0].arguments == ["AUTH", "worker", "pw!"])
        let open = try RedisEndpoint.parse("redis://127.0.0.1:7000").get()
        #expect(open.commands.map(\.name) == ["PING", "INFO"])
        #expect(throws: ConnectionURL.ParseError.self) { try RedisEndpoint.parse("redis://h/zero").get() }
        #expect(throws: ConnectionURL.ParseError.self) { try RedisEndpoint.parse("http://h:6379").get() }
    }
}
