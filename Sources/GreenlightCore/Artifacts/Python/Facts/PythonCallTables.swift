/// How a call that starts a server takes its bind address: which parameters
/// hold host and port, and the library's defaults when they are left out.
struct PythonListenSpec {
    var kind: PythonServerKind
    var framework: String
    var hostParameter: String?
    var hostPosition: Int?
    var portParameter: String?
    var portPosition: Int?
    /// Position of a `(host, port)` tuple argument (`HTTPServer((host, port), Handler)`).
    var addressTuplePosition: Int?
    /// Keyword parameters holding a whole `host:port` address (`waitress.serve(listen=...)`).
    var addressParameter: String?
    var defaultHost: String?
    var defaultPort: Int?
    /// Parameters that make the server use a socket instead of host/port (`uds=`, `fd=`).
    var socketParameters: [String] = []
}

/// The qualified names of calls the analyzer recognises, with what they mean.
/// Names are as the import system spells them (`fastapi.FastAPI`, not the alias).
enum PythonCallTables {
    /// Constructors of application objects a server or worker loads by name.
    static let appConstructors: [String: PythonAppKind] = [
        "fastapi.FastAPI": .fastapi,
        "fastapi.applications.FastAPI": .fastapi,
        "starlette.applications.Starlette": .starlette,
        "quart.Quart": .quart,
        "litestar.Litestar": .litestar,
        "sanic.Sanic": .sanic,
        "aiohttp.web.Application": .aiohttp,
        "flask.Flask": .flask,
        "falcon.App": .falcon,
        "falcon.API": .falcon,
        "falcon.asgi.App": .falconASGI,
        "django.core.wsgi.get_wsgi_application": .djangoWSGI,
        "django.core.asgi.get_asgi_application": .djangoASGI,
        "celery.Celery": .celery,
        "grpc.server": .grpcServer,
        "grpc.aio.server": .grpcServer,
        "dramatiq.brokers.redis.RedisBroker": .dramatiq,
        "dramatiq.brokers.rabbitmq.RabbitmqBroker": .dramatiq,
        "taskiq.InMemoryBroker": .taskiq,
        "taskiq.ZeroMQBroker": .taskiq,
    ]

    /// The app kind a constructor call creates; taskiq brokers come from many packages.
    static func appKind(forCallee name: String) -> PythonAppKind? {
        if let kind = appConstructors[name] { return kind }
        if name.hasPrefix("taskiq"), name.hasSuffix("Broker") { return .taskiq }
        return nil
    }

    /// Calls that show the module runs a server of some kind.
    static let serverCalls: [String: (kind: PythonServerKind, framework: String)] = [
        "grpc.server": (.grpc, "grpc"),
        "grpc.aio.server": (.grpc, "grpc.aio"),
        "fastapi.FastAPI": (.http, "fastapi"),
        "fastapi.applications.FastAPI": (.http, "fastapi"),
        "flask.Flask": (.http, "flask"),
        "starlette.applications.Starlette": (.http, "starlette"),
        "quart.Quart": (.http, "quart"),
        "sanic.Sanic": (.http, "sanic"),
        "litestar.Litestar": (.http, "litestar"),
        "falcon.App": (.http, "falcon"),
        "falcon.asgi.App": (.http, "falcon"),
        "aiohttp.web.Application": (.http, "aiohttp"),
        "aiohttp.web.run_app": (.http, "aiohttp"),
        "django.core.wsgi.get_wsgi_application": (.http, "django"),
        "django.core.asgi.get_asgi_application": (.http, "django"),
        "django.core.management.execute_from_command_line": (.http, "django"),
        "uvicorn.run": (.http, "uvicorn"),
        "uvicorn.Config": (.http, "uvicorn"),
        "hypercorn.asyncio.serve": (.http, "hypercorn"),
        "hypercorn.trio.serve": (.http, "hypercorn"),
        "http.server.HTTPServer": (.http, "http.server"),
        "http.server.ThreadingHTTPServer": (.http, "http.server"),
        "waitress.serve": (.http, "waitress"),
        "wsgiref.simple_server.make_server": (.http, "wsgiref"),
        "gevent.pywsgi.WSGIServer": (.http, "gevent"),
    ]

    /// Calls whose arguments say where the server listens.
    static let listenCalls: [String: PythonListenSpec] = [
        "uvicorn.run": uvicorn,
        "uvicorn.Config": uvicorn,
        "aiohttp.web.run_app": PythonListenSpec(
            kind: .http, framework: "aiohttp", hostParameter: "host", portParameter: "port",
            defaultHost: "0.0.0.0", defaultPort: 8080, socketParameters: ["path", "sock"]
        ),
        "waitress.serve": PythonListenSpec(
            kind: .http, framework: "waitress", hostParameter: "host", portParameter: "port",
            addressParameter: "listen", defaultHost: "0.0.0.0", defaultPort: 8080, socketParameters: ["unix_socket", "sockets"]
        ),
        "http.server.HTTPServer": tupleServer("http.server"),
        "http.server.ThreadingHTTPServer": tupleServer("http.server"),
        "gevent.pywsgi.WSGIServer": tupleServer("gevent"),
        "wsgiref.simple_server.make_server": PythonListenSpec(
            kind: .http, framework: "wsgiref", hostParameter: "host", hostPosition: 0, portParameter: "port", portPosition: 1
        ),
    ]

    private static let uvicorn = PythonListenSpec(
        kind: .http, framework: "uvicorn", hostParameter: "host", portParameter: "port",
        defaultHost: "127.0.0.1", defaultPort: 8000, socketParameters: ["uds", "fd"]
    )

    private static func tupleServer(_ framework: String) -> PythonListenSpec {
        PythonListenSpec(kind: .http, framework: framework, addressTuplePosition: 0)
    }

    /// `app.run(...)` on an application object of these kinds starts a development server.
    static let appRunCalls: [PythonAppKind: PythonListenSpec] = [
        .flask: PythonListenSpec(
            kind: .http, framework: "flask", hostParameter: "host", hostPosition: 0, portParameter: "port", portPosition: 1,
            defaultHost: "127.0.0.1", defaultPort: 5000
        ),
        .quart: PythonListenSpec(
            kind: .http, framework: "quart", hostParameter: "host", hostPosition: 0, portParameter: "port", portPosition: 1,
            defaultHost: "127.0.0.1", defaultPort: 5000
        ),
        .sanic: PythonListenSpec(
            kind: .http, framework: "sanic", hostParameter: "host", hostPosition: 0, portParameter: "port", portPosition: 1,
            defaultHost: "127.0.0.1", defaultPort: 8000, socketParameters: ["sock", "unix"]
        ),
    ]

    /// Calls that open (or set up) a database or cache connection.
    static let databaseCalls: Set<String> = [
        "sqlalchemy.create_engine", "sqlalchemy.engine.create_engine", "sqlalchemy.ext.asyncio.create_async_engine",
        "sqlmodel.create_engine",
        "asyncpg.connect", "asyncpg.create_pool",
        "psycopg2.connect", "psycopg2.pool.SimpleConnectionPool", "psycopg2.pool.ThreadedConnectionPool",
        "psycopg.connect", "psycopg.AsyncConnection.connect", "psycopg.Connection.connect",
        "psycopg_pool.ConnectionPool", "psycopg_pool.AsyncConnectionPool",
        "supabase.create_client", "supabase.acreate_client", "supabase.create_async_client",
        "redis.Redis", "redis.StrictRedis", "redis.from_url", "redis.Redis.from_url", "redis.StrictRedis.from_url",
        "redis.asyncio.Redis", "redis.asyncio.from_url", "redis.asyncio.Redis.from_url", "redis.asyncio.StrictRedis",
        "aioredis.from_url", "aioredis.Redis", "aioredis.create_redis_pool",
        "motor.motor_asyncio.AsyncIOMotorClient", "pymongo.MongoClient",
        "databases.Database",
        "pymysql.connect", "mysql.connector.connect", "aiomysql.create_pool", "aiomysql.connect",
        "tortoise.Tortoise.init", "peewee.PostgresqlDatabase", "peewee.MySQLDatabase",
        "elasticsearch.Elasticsearch", "elasticsearch.AsyncElasticsearch",
    ]

    /// Function names that run while the service starts (not per request).
    static let startupFunctionNames: Set<String> = [
        "main", "serve", "run", "run_server", "start", "start_server", "startup", "on_startup", "startup_event",
        "lifespan", "create_app", "init_app", "init_db", "app_lifespan",
    ]

    /// The last parts of dotted names worth qualifying at a call site; anything
    /// else is skipped without building strings.
    static let interestingLastNames: Set<String> = {
        var names: Set<String> = ["environ", "run", "add_insecure_port", "add_secure_port"]
        for name in envCalls { names.insert(lastComponent(name)) }
        names.insert("load_dotenv")
        for name in appConstructors.keys { names.insert(lastComponent(name)) }
        for name in serverCalls.keys { names.insert(lastComponent(name)) }
        for name in listenCalls.keys { names.insert(lastComponent(name)) }
        for name in databaseCalls { names.insert(lastComponent(name)) }
        return names
    }()

    static let lastNameFilter = PythonNameFilter(interestingLastNames)

    /// What a qualified call name is known as, merged from the tables above so a
    /// call site costs one dictionary lookup per candidate name.
    struct Roles: OptionSet {
        let rawValue: UInt8
        static let env = Roles(rawValue: 1)
        static let dotenv = Roles(rawValue: 2)
        static let server = Roles(rawValue: 4)
        static let listen = Roles(rawValue: 8)
        static let database = Roles(rawValue: 16)
    }

    static let envCalls: Set<String> = ["os.getenv", "os.environ.get", "os.environ.setdefault", "decouple.config"]

    static let roles: [String: Roles] = {
        var roles: [String: Roles] = [:]
        for name in envCalls { roles[name, default: []].insert(.env) }
        for name in ["dotenv.load_dotenv", "dotenv.main.load_dotenv"] { roles[name, default: []].insert(.dotenv) }
        for name in serverCalls.keys { roles[name, default: []].insert(.server) }
        for name in listenCalls.keys { roles[name, default: []].insert(.listen) }
        for name in databaseCalls { roles[name, default: []].insert(.database) }
        return roles
    }()

    /// Last names of application constructors, to skip other assignments cheaply.
    static let appLastNameFilter = PythonNameFilter(appConstructors.keys.map(lastComponent))

    static func lastComponent(_ dotted: String) -> String {
        guard let dot = dotted.lastIndex(of: ".") else { return dotted }
        return String(dotted[dotted.index(after: dot)...])
    }
}
