/// Server images that compose files run next to the application: web servers, databases,
/// caches, brokers and proxies.
extension BaseImageCatalog {
    static let serviceFamilies: [(String, CatalogFamily)] = [
        ("nginx", CatalogFamily { tag, _ in
            guard tag.onlyFlags(["mainline", "stable", "slim", "perl", "otel"]), tag.suiteFamily != .ubuntu else { return nil }
            if tag.isAlpine {
                // alpine-slim has no curl; the alpine tag (FROM alpine-slim) adds "curl ca-certificates".
                let slim = tag.has("slim")
                return catalogInfo("nginx", slim ? "alpine-slim" : "alpine", os: .alpine, .apk,
                                   tools: ToolSets.merge(ToolSets.alpine, present: ["nginx"] + (slim ? [] : ["curl"])),
                                   busybox: true, users: ["nginx"],
                                   basis: "nginx official image (alpine): " + alpineBasis
                                    + (slim ? "" : "; apk add curl ca-certificates"))
            }
            guard !tag.has("slim") else { return nil }
            return catalogInfo("nginx", "debian", os: .debian, .apt,
                               tools: ToolSets.merge(ToolSets.debian, present: ["nginx", "curl"]), users: ["nginx"],
                               basis: "nginx official image: FROM debian:<suite>-slim plus nginx packages, gettext-base and curl")
        }),
        ("httpd", CatalogFamily { tag, _ in
            guard tag.flags.isEmpty, tag.suiteFamily != .ubuntu else { return nil }
            if tag.isAlpine {
                return catalogInfo("httpd", "alpine", os: .alpine, .apk,
                                   tools: ToolSets.merge(ToolSets.alpine, present: ["httpd"], unknown: ["curl"]),
                                   busybox: true, basis: "httpd official image (alpine): " + alpineBasis)
            }
            return catalogInfo("httpd", "debian", os: .debian, .apt,
                               tools: ToolSets.merge(ToolSets.debian, present: ["httpd"], unknown: ["curl", "wget", "ps"]),
                               basis: "httpd official image: FROM debian:<suite>-slim; build tools purged after compiling")
        }),
        ("postgres", CatalogFamily { tag, _ in postgres(tag, family: "postgres") }),
        ("pgvector/pgvector", CatalogFamily { tag, _ in
            // Tags: pg16, pg17, 0.8.0-pg17, pg17-bookworm: FROM postgres:<major>-<suite>.
            guard tag.flags.count == 1, let flag = tag.flags.first, flag.hasPrefix("pg"),
                  Int(flag.dropFirst(2)) != nil, !tag.isAlpine else { return nil }
            let postgresTag = ImageTagFeatures(version: String(flag.dropFirst(2)), suite: tag.suite)
            guard var info = postgres(postgresTag, family: "pgvector/pgvector") else { return nil }
            info.basis = "pgvector/pgvector: FROM the official postgres image plus the vector extension; " + info.basis
            return info
        }),
        ("redis", CatalogFamily { tag, _ in
            guard tag.flags.isEmpty, tag.suiteFamily != .ubuntu else { return nil }
            let extra = ["redis-server", "redis-cli"]
            if tag.isAlpine {
                return catalogInfo("redis", "alpine", os: .alpine, .apk,
                                   tools: ToolSets.merge(ToolSets.alpine, present: extra, unknown: ["curl", "bash"]),
                                   busybox: true, users: ["redis"], basis: "redis official image (alpine): " + alpineBasis)
            }
            return catalogInfo("redis", "debian", os: .debian, .apt,
                               tools: ToolSets.merge(ToolSets.debian, present: extra, unknown: ["curl", "wget", "ps"]),
                               users: ["redis"], basis: "redis official image: FROM debian:<suite>-slim; build tools purged")
        }),
        ("nats", CatalogFamily { tag, _ in
            guard tag.onlyFlags(["scratch", "linux"]), tag.suite == nil else { return nil }
            if tag.isAlpine {
                return catalogInfo("nats", "alpine", os: .alpine, .apk,
                                   tools: ToolSets.merge(ToolSets.alpine, present: ["nats-server"]), busybox: true,
                                   basis: "nats official image (alpine): " + alpineBasis + " plus nats-server")
            }
            // On Linux the default tags (nats:2.10, latest) are the scratch variant.
            return catalogInfo("nats", "scratch", os: .scratch, .none, tools: ["nats-server": .present], unlisted: .absent,
                               basis: "nats official image: FROM scratch with only the nats-server binary and its config")
        }),
        ("haproxy", CatalogFamily { tag, _ in
            guard tag.onlyFlags(["lts"]), tag.suiteFamily != .ubuntu else { return nil }
            // Since 2.4 the image ends with `USER haproxy`.
            guard !tag.versionIsVariable, tag.version == nil || tag.major != nil else { return nil }
            let nonRoot = tag.major.map { $0 > 2 || ($0 == 2 && (tag.minor ?? 0) >= 4) } ?? true
            let user = nonRoot ? "haproxy" : "root"
            if tag.isAlpine {
                return catalogInfo("haproxy", "alpine", os: .alpine, .apk,
                                   tools: ToolSets.merge(ToolSets.alpine, present: ["haproxy"], unknown: ["curl"]),
                                   busybox: true, user: user, users: ["haproxy"],
                                   basis: "haproxy official image (alpine): " + alpineBasis)
            }
            return catalogInfo("haproxy", "debian", os: .debian, .apt,
                               tools: ToolSets.merge(ToolSets.debian, present: ["haproxy"], unknown: ["curl", "wget", "ps"]),
                               user: user, users: ["haproxy"],
                               basis: "haproxy official image: FROM debian:<suite>-slim; build tools purged")
        }),
        ("traefik", CatalogFamily { tag, _ in
            guard tag.flags.isEmpty, tag.suite == nil else { return nil }
            return catalogInfo("traefik", "alpine", os: .alpine, .apk,
                               tools: ToolSets.merge(ToolSets.alpine, present: ["traefik"], unknown: ["curl"]), busybox: true,
                               basis: "traefik official image: FROM alpine plus ca-certificates, tzdata and the traefik binary")
        }),
        ("mongo", CatalogFamily { tag, _ in
            guard tag.flags.isEmpty, !tag.isAlpine, tag.suiteFamily != .debian else { return nil }
            // mongosh replaced the legacy `mongo` shell, which is gone from 6.0 on.
            guard !tag.versionIsVariable else { return nil }
            let modern = tag.major.map { $0 >= 6 } ?? true
            let shells: [String: ToolPresence] = modern
                ? ["mongosh": .present, "mongo": .absent]
                : ["mongosh": .unknown, "mongo": .present]
            return catalogInfo("mongo", "ubuntu", os: .ubuntu, .apt,
                               tools: ToolSets.merge(ToolSets.ubuntu, present: ["mongod"], unknown: ["python3"])
                                .merging(shells) { $1 },
                               users: ["mongodb"],
                               basis: "mongo official image: FROM ubuntu plus the MongoDB server packages and gosu")
        }),
        ("mysql", CatalogFamily { tag, _ in
            guard tag.onlyFlags(["oracle", "oraclelinux8", "oraclelinux9", "debian", "lts", "innovation"]),
                  !tag.isAlpine, tag.suite == nil else { return nil }
            if let major = tag.major, major < 8 { return nil }
            let tools = ["mysql", "mysqladmin", "mysqld"]
            if tag.has("debian") {
                return catalogInfo("mysql", "debian", os: .debian, .apt,
                                   tools: ToolSets.merge(ToolSets.debian, present: tools, unknown: ["curl", "wget", "ps"]),
                                   users: ["mysql"], basis: "mysql official image (debian): FROM debian:<suite>-slim plus MySQL")
            }
            return catalogInfo("mysql", "oracle", os: .oracleLinux, .microdnf,
                               tools: ToolSets.merge([:], present: ["sh", "bash"] + tools, absent: [ToolNames.healthProbe]),
                               users: ["mysql"], basis: "mysql official image: FROM oraclelinux:<v>-slim (microdnf) plus MySQL")
        }),
        ("mariadb", CatalogFamily { tag, _ in
            guard tag.onlyFlags(["lts", "rc"]), !tag.isAlpine, tag.suiteFamily != .debian else { return nil }
            // From 11.0 the image no longer ships the mysql-named client symlinks.
            let hasMysqlNames = tag.major.map { $0 < 11 }
            var tools = ToolSets.merge(ToolSets.ubuntu, present: ["mariadb", "mariadb-admin", "healthcheck.sh"],
                                       unknown: ["python3"])
            for name in ["mysql", "mysqladmin"] {
                tools[name] = hasMysqlNames.map { $0 ? .present : .absent } ?? (tag.versionIsVariable ? .unknown : .absent)
            }
            return catalogInfo("mariadb", "ubuntu", os: .ubuntu, .apt, tools: tools, users: ["mysql"],
                               basis: "mariadb official image: FROM ubuntu plus MariaDB server packages and healthcheck.sh")
        }),
        ("rabbitmq", CatalogFamily { tag, _ in
            guard tag.onlyFlags(["management"]), tag.suiteFamily != .debian else { return nil }
            let tools = ["rabbitmqctl", "rabbitmq-diagnostics"]
            if tag.isAlpine {
                return catalogInfo("rabbitmq", "alpine", os: .alpine, .apk,
                                   tools: ToolSets.merge(ToolSets.alpine, present: tools, unknown: ["curl", "bash"]),
                                   busybox: true, users: ["rabbitmq"], basis: "rabbitmq official image (alpine): " + alpineBasis)
            }
            return catalogInfo("rabbitmq", "ubuntu", os: .ubuntu, .apt,
                               tools: ToolSets.merge(ToolSets.ubuntu, present: tools, unknown: ["curl", "wget", "python3"]),
                               users: ["rabbitmq"], basis: "rabbitmq official image: FROM ubuntu plus Erlang and RabbitMQ")
        }),
        ("memcached", CatalogFamily { tag, _ in
            guard tag.flags.isEmpty, tag.suiteFamily != .ubuntu else { return nil }
            // The image ends with `USER memcache`.
            if tag.isAlpine {
                return catalogInfo("memcached", "alpine", os: .alpine, .apk,
                                   tools: ToolSets.merge(ToolSets.alpine, present: ["memcached"], unknown: ["curl"]),
                                   busybox: true, user: "memcache", basis: "memcached official image (alpine): " + alpineBasis)
            }
            return catalogInfo("memcached", "debian", os: .debian, .apt,
                               tools: ToolSets.merge(ToolSets.debian, present: ["memcached"], unknown: ["curl", "wget", "ps"]),
                               user: "memcache", basis: "memcached official image: FROM debian:<suite>-slim; build tools purged")
        }),
    ]

    /// `postgres:<v>[-<suite>|-alpine]`: Debian images install the PGDG packages on
    /// debian:<suite>-slim (gosu fetched with wget, then purged); Alpine images compile
    /// PostgreSQL and keep bash. Both provide pg_isready and psql and a `postgres` user;
    /// the entrypoint starts as root and steps down.
    static func postgres(_ tag: ImageTagFeatures, family: String) -> BaseImageInfo? {
        guard tag.flags.isEmpty, tag.suiteFamily != .ubuntu else { return nil }
        let tools = ["postgres", "pg_isready", "psql", "gosu"]
        if tag.isAlpine {
            return catalogInfo(family, "alpine", os: .alpine, .apk,
                               tools: ToolSets.merge(ToolSets.alpine, present: tools + ["bash"]),
                               busybox: true, users: ["postgres"],
                               basis: "postgres official image (alpine): " + alpineBasis + " plus bash and PostgreSQL")
        }
        return catalogInfo(family, "debian", os: .debian, .apt,
                           tools: ToolSets.merge(ToolSets.debian, present: tools, unknown: ["curl", "wget", "ps", "python3"]),
                           users: ["postgres"],
                           basis: "postgres official image: FROM debian:<suite>-slim plus PGDG postgresql packages and gosu")
    }
}
