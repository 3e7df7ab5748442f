import Testing
@testable import GreenlightCore

@Suite("ComposeSyntax")
struct ComposeSyntaxTests {
    private func parse(_ text: String) -> ComposeFile {
        ComposeFile.parse(SourceText(path: "compose.yaml", string: text))
    }

    @Test func shortPortSyntaxVariants() throws {
        let file = parse("""
        services:
          web:
            image: nginx:1.27
            ports:
              - "8000"
              - "8080:8000"
              - "127.0.0.1:8080:8000"
              - "8000-8010:8000-8010"
              - "8000/udp"
              - "[::1]:8080:8000"
              - 9090
              - "127.0.0.1::5432"
              - "::1:6000:6001/sctp"
        """)
        #expect(file.issues.isEmpty)
        let ports = try #require(file.service(named: "web")?.ports)
        #expect(ports.map(\.containerPorts) == [8000...8000, 8000...8000, 8000...8000, 8000...8010, 8000...8000,
                                                8000...8000, 9090...9090, 5432...5432, 6001...6001])
        #expect(ports.map(\.publishedPort) == [nil, "8080", "8080", "8000-8010", nil, "8080", nil, nil, "6000"])
        #expect(ports.map(\.hostIP) == [nil, nil, "127.0.0.1", nil, nil, "::1", nil, "127.0.0.1", "::1"])
        #expect(ports.map(\.proto) == ["tcp", "tcp", "tcp", "tcp", "udp", "tcp", "tcp", "tcp", "sctp"])
        #expect(ports.map(\.location.line) == Array(5...13))
        #expect(ports[6].raw == "9090")
    }

    @Test func longPortSyntax() throws {
        let file = parse("""
        services:
          api:
            image: api
            ports:
              - target: 8000
                published: "8080"
                host_ip: 0.0.0.0
                protocol: tcp
                mode: host
              - target: 50051
        """)
        #expect(file.issues.isEmpty)
        let ports = try #require(file.service(named: "api")?.ports)
        #expect(ports.count == 2)
        #expect(ports[0].containerPort == 8000)
        #expect(ports[0].publishedPort == "8080")
        #expect(ports[0].hostIP == "0.0.0.0")
        #expect(ports[0].mode == "host")
        #expect(ports[0].location == GreenlightCore.SourceLocation(file: "compose.yaml", line: 5, column: 9))
        #expect(ports[1].containerPort == 50051)
        #expect(ports[1].publishedPort == nil)
    }

    @Test func invalidPortsAreIssuesAndOthersStillRead() throws {
        let file = parse("""
        services:
          api:
            image: api
            ports:
              - "http:8000"
              - "8000:abc"
              - "8000/quic"
              - "7000:7000"
        """)
        #expect(file.issues.map(\.location.line) == [5, 6, 7])
        #expect(file.service(named: "api")?.ports.map(\.containerPort) == [7000])
    }

    @Test func exposeEnvFilesAndCommandForms() throws {
        let file = parse("""
        services:
          grpc:
            build: .
            expose:
              - 50051
              - "9000-9002"
              - "8125/udp"
            env_file:
              - .env
              - path: ./config/local.env
                required: false
            entrypoint: ["python", "-m", "app.server"]
            command: ["--port", "50051"]
          other:
            image: busybox
            env_file: [a.env, b.env]
            command: sh -c 'echo "ready" && sleep 1'
        """)
        #expect(file.issues.isEmpty)
        let grpc = try #require(file.service(named: "grpc"))
        #expect(grpc.expose.map(\.ports) == [50051...50051, 9000...9002, 8125...8125])
        #expect(grpc.expose.map(\.proto) == ["tcp", "tcp", "udp"])
        #expect(grpc.envFiles.map(\.path) == [".env", "./config/local.env"])
        #expect(grpc.envFiles.map(\.required) == [true, false])
        #expect(grpc.envFiles[1].location == GreenlightCore.SourceLocation(file: "compose.yaml", line: 10, column: 15))
        #expect(grpc.entrypoint?.value == .exec(["python", "-m", "app.server"]))
        #expect(grpc.command?.value.words == ["--port", "50051"])
        let other = try #require(file.service(named: "other"))
        #expect(other.envFiles.map(\.path) == ["a.env", "b.env"])
        #expect(other.command?.value.words == ["sh", "-c", #"echo "ready" && sleep 1"#])
    }

    @Test func healthcheckForms() throws {
        let file = parse("""
        services:
          a:
            image: a
            healthcheck:
              test: curl -f http://localhost:8000/health || exit 1
              interval: 1m30s
              timeout: 500ms
              start_period: 1.5s
              start_interval: 2s
          b:
            image: b
            healthcheck:
              test: ["CMD-SHELL", "pg_isready -U $${POSTGRES_USER}"]
          c:
            image: c
            healthcheck:
              test: ["NONE"]
          d:
            image: d
            healthcheck:
              disable: true
          e:
            image: e
            healthcheck:
              test: ["RUN", "x"]
              interval: 10
        """)
        let a = try #require(file.service(named: "a")?.healthcheck)
        #expect(a.test?.value == .shell("curl -f http://localhost:8000/health || exit 1"))
        #expect(a.interval?.value == 90)
        #expect(a.timeout?.value == 0.5)
        #expect(a.startPeriod?.value == 1.5)
        #expect(a.startInterval?.value == 2)
        #expect(file.service(named: "b")?.healthcheck?.test?.value == .shell("pg_isready -U ${POSTGRES_USER}"))
        #expect(file.service(named: "c")?.healthcheck?.isDisabled == true)
        #expect(file.service(named: "d")?.healthcheck?.isDisabled == true)
        #expect(file.service(named: "e")?.healthcheck?.test == nil)
        #expect(file.issues.map(\.location.line) == [25, 26])
    }

    @Test func otherServiceFields() throws {
        let file = parse("""
        name: shop
        services:
          web:
            image: nginx
            profiles: [debug, tools]
            restart: unless-stopped
            user: "1000:1000"
            working_dir: /app
            platform: linux/amd64
            network_mode: host
            deploy:
              replicas: 3
            extends:
              file: common.yml
              service: base
            secrets:
              - db_password
              - source: api_key
                target: /run/secrets/key
            labels:
              traefik.enable: "true"
              com.example.team: payments
            volumes:
              - ./src:/app/src:ro
              - static:/app/static
              - /tmp/cache
              - type: bind
                source: ./nginx.conf
                target: /etc/nginx/nginx.conf
                read_only: true
            x-custom: ignored
          cache:
            image: redis:7
            labels: ["a=1", "b"]
            extends: web
        volumes:
          static:
        networks:
          default:
            name: shop
        secrets:
          db_password:
            file: ./secrets/db.txt
          api_key:
            environment: API_KEY
        configs: {}
        x-defaults: &defaults
          restart: always
        """)
        #expect(file.issues.isEmpty)
        #expect(file.name == "shop")
        let web = try #require(file.service(named: "web"))
        #expect(web.profiles == ["debug", "tools"])
        #expect(web.restart?.value == "unless-stopped")
        #expect(web.user?.value == "1000:1000")
        #expect(web.workingDir?.value == "/app")
        #expect(web.platform?.value == "linux/amd64")
        #expect(web.networkMode?.value == "host")
        #expect(web.replicas == Located(3, at: GreenlightCore.SourceLocation(file: "compose.yaml", line: 12, column: 17)))
        #expect(web.extends == ComposeExtends(
            service: "base", file: "common.yml", location: GreenlightCore.SourceLocation(file: "compose.yaml", line: 14, column: 7)
        ))
        #expect(web.secrets.map(\.value) == ["db_password", "api_key"])
        #expect(web.labels.map(\.key) == ["traefik.enable", "com.example.team"])
        #expect(web.volumes.map(\.kind) == [.bind, .volume, .volume, .bind])
        #expect(web.volumes.map(\.source) == ["./src", "static", nil, "./nginx.conf"])
        #expect(web.volumes.map(\.target) == ["/app/src", "/app/static", "/tmp/cache", "/etc/nginx/nginx.conf"])
        #expect(web.volumes.map(\.readOnly) == [true, false, false, true])
        let cache = try #require(file.service(named: "cache"))
        #expect(cache.labels.map(\.value) == ["1", nil])
        #expect(cache.extends?.service == "web")
        #expect(cache.extends?.file == nil)
        #expect(file.volumes.map(\.value) == ["static"])
        #expect(file.networks.map(\.value) == ["default"])
        #expect(file.secrets.map(\.value) == ["db_password", "api_key"])
        #expect(file.configs.isEmpty)
    }

    @Test func environmentMapFormWithNullsAndScalars() throws {
        let file = parse("""
        services:
          api:
            image: api
            environment:
              PORT: 8000
              DEBUG: "false"
              SECRET_KEY:
              RATIO: 0.5
        """)
        let environment = try #require(file.service(named: "api")?.environment)
        #expect(environment.map(\.key) == ["PORT", "DEBUG", "SECRET_KEY", "RATIO"])
        #expect(environment.map(\.value) == ["8000", "false", nil, "0.5"])
        #expect(environment[0].valueLocation == GreenlightCore.SourceLocation(file: "compose.yaml", line: 5, column: 13))
        #expect(environment[2].valueLocation == nil)
    }

    @Test func dependsOnLongForm() throws {
        let file = parse("""
        services:
          migrate:
            image: app
          api:
            image: app
            depends_on:
              migrate:
                condition: service_completed_successfully
                required: false
                restart: true
              cache:
                condition: service_ready
        """)
        let dependencies = try #require(file.service(named: "api")?.dependsOn)
        #expect(dependencies.map(\.condition) == [.serviceCompletedSuccessfully, .serviceStarted])
        #expect(dependencies.map(\.required) == [false, true])
        #expect(dependencies.map(\.restart) == [true, false])
        #expect(file.issues.map(\.location.line) == [12])
    }

    @Test func commentsOutsideQuotesAndBlockScalars() {
        let file = parse("""
        # top comment
        services:
          api: # greenlight:ignore port-mismatch
            image: "repo/api:#notacomment"
            command: echo it's fine # trailing
            entrypoint: |
              # inside a block scalar
              exec python -m app
            labels:
              note: 'a # b' # after quote
        # end
        """)
        #expect(file.comments.map(\.value) == [
            "# top comment", "# greenlight:ignore port-mismatch", "# trailing", "# after quote", "# end",
        ])
        #expect(file.comments.map(\.location.line) == [1, 3, 5, 10, 11])
        #expect(file.comments[1].location.column == 8)
        #expect(file.service(named: "api")?.entrypoint?.value == .shell("# inside a block scalar\nexec python -m app\n"))
    }
}
