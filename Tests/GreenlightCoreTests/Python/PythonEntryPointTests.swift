import Testing
@testable import GreenlightCore

@Suite("PythonEntryPoint")
struct PythonEntryPointTests {
    private func parse(_ argv: [String], workdir: String = "/app") -> PythonEntryPoint? {
        PythonEntryPoint.parse(argv, workdir: workdir)
    }

    // MARK: - python

    @Test func pythonScriptsAndModules() {
        #expect(parse(["python", "app.py"])?.kind == .script("/app/app.py"))
        #expect(parse(["python3", "-u", "-m", "app.main"])?.kind == .module("app.main"))
        #expect(parse(["python", "-um", "worker", "--once"])?.kind == .module("worker"))
        #expect(parse(["python", "-um", "worker", "--once"])?.arguments == ["--once"])
        let flagged = parse(["/usr/local/bin/python3.11", "-OO", "-B", "-X", "dev", "-W", "ignore", "src/server.py", "--verbose"])
        #expect(flagged?.kind == .script("/app/src/server.py"))
        #expect(flagged?.program == "python3.11")
        #expect(flagged?.arguments == ["--verbose"])
        #expect(flagged?.server == nil)
        #expect(parse(["python", "-c", "import app; app.run()"])?.kind == .inlineCode)
        #expect(parse(["python", "/srv/bot.py"])?.kind == .script("/srv/bot.py"))
        #expect(parse(["python"]) == nil)
        #expect(parse(["python", "-"]) == nil)
    }

    @Test func djangoRunserver() {
        let entry = parse(["python", "manage.py", "runserver", "0.0.0.0:8000"], workdir: "/code")
        #expect(entry?.kind == .script("/code/manage.py"))
        #expect(entry?.server == "django")
        #expect(entry?.host == .literal("0.0.0.0"))
        #expect(entry?.port == .int(8000))
        let bare = parse(["python", "manage.py", "runserver"])
        #expect(bare?.host == nil)
        #expect(bare?.defaultHost == "127.0.0.1")
        #expect(bare?.defaultPort == 8000)
        #expect(parse(["python", "manage.py", "runserver", "9000"])?.port == .int(9000))
    }

    // MARK: - Servers

    @Test func uvicorn() {
        let entry = parse(["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000", "--proxy-headers"])
        #expect(entry?.kind == .asgiApp(module: "app.main", attribute: "app"))
        #expect(entry?.server == "uvicorn")
        #expect(entry?.host == .literal("0.0.0.0"))
        #expect(entry?.port == .int(8000))
        let factory = parse(["uvicorn", "--port=8080", "--app-dir", "src", "--factory", "main:create_app", "--workers", "4"])
        #expect(factory?.kind == .asgiApp(module: "main", attribute: "create_app"))
        #expect(factory?.isFactory == true)
        #expect(factory?.appDirectory == "/app/src")
        #expect(factory?.port == .int(8080))
        #expect(factory?.host == nil)
        #expect(factory?.defaultHost == "127.0.0.1")
        #expect(parse(["uvicorn", "--interface", "wsgi", "legacy:application"])?.kind == .wsgiApp(module: "legacy", attribute: "application"))
        #expect(parse(["uvicorn", "main"]) == nil)
    }

    @Test func gunicorn() {
        let asgi = parse(["gunicorn", "-k", "uvicorn.workers.UvicornWorker", "-b", "0.0.0.0:8000", "app.main:app"])
        #expect(asgi?.kind == .asgiApp(module: "app.main", attribute: "app"))
        #expect(asgi?.workerClass == "uvicorn.workers.UvicornWorker")
        #expect(asgi?.host == .literal("0.0.0.0"))
        #expect(asgi?.port == .int(8000))
        let wsgi = parse(["gunicorn", "--bind=[::]:50051", "wsgi:application", "--workers=3", "--access-logfile", "-"])
        #expect(wsgi?.kind == .wsgiApp(module: "wsgi", attribute: "application"))
        #expect(wsgi?.host == .literal("[::]"))
        #expect(wsgi?.port == .int(50051))
        #expect(parse(["gunicorn", "mysite.wsgi"])?.kind == .wsgiApp(module: "mysite.wsgi", attribute: "application"))
        let factory = parse(["gunicorn", "-w", "4", "-c", "gunicorn.conf.py", "app:create_app('prod')"])
        #expect(factory?.kind == .wsgiApp(module: "app", attribute: "create_app"))
        #expect(factory?.isFactory == true)
        #expect(factory?.configFile == "/app/gunicorn.conf.py")
        #expect(parse(["gunicorn", "-b", ":8000", "app:app"])?.host == .literal(""))
        let socket = parse(["gunicorn", "-b", "unix:/tmp/gunicorn.sock", "app:app"])
        #expect(socket?.host == nil)
        #expect(socket?.defaultPort == nil)
    }

    @Test func otherServers() {
        let hypercorn = parse(["hypercorn", "main:app", "--bind", "0.0.0.0:8000"])
        #expect(hypercorn?.kind == .asgiApp(module: "main", attribute: "app"))
        #expect(hypercorn?.port == .int(8000))
        let daphne = parse(["daphne", "-b", "0.0.0.0", "-p", "8001", "proj.asgi:application"])
        #expect(daphne?.kind == .asgiApp(module: "proj.asgi", attribute: "application"))
        #expect(daphne?.host == .literal("0.0.0.0"))
        #expect(daphne?.port == .int(8001))
        let endpoint = parse(["daphne", "-e", "tcp:port=9000:interface=127.0.0.1", "proj.asgi:application"])
        #expect(endpoint?.port == .int(9000))
        #expect(endpoint?.host == .literal("127.0.0.1"))
        let waitress = parse(["waitress-serve", "--listen=*:8080", "app:app"])
        #expect(waitress?.kind == .wsgiApp(module: "app", attribute: "app"))
        #expect(waitress?.host == .literal("*"))
        #expect(waitress?.port == .int(8080))
        let granian = parse(["granian", "--interface", "asgi", "--host", "0.0.0.0", "main:app"])
        #expect(granian?.kind == .asgiApp(module: "main", attribute: "app"))
        #expect(granian?.host == .literal("0.0.0.0"))
    }

    @Test func workers() {
        let celery = parse(["celery", "-A", "proj", "worker", "-l", "INFO", "--concurrency", "2"])
        #expect(celery?.kind == .worker(module: "proj", attribute: nil))
        #expect(celery?.arguments == ["worker"])
        #expect(parse(["celery", "--app=proj.celery:app", "beat"])?.kind == .worker(module: "proj.celery", attribute: "app"))
        #expect(parse(["celery", "worker", "-l", "info"])?.kind == .fromEnvironment(variable: "CELERY_APP"))
        let taskiq = parse(["taskiq", "worker", "app.broker:broker", "app.tasks", "--workers", "2"])
        #expect(taskiq?.kind == .worker(module: "app.broker", attribute: "broker"))
        #expect(taskiq?.arguments == ["worker", "app.tasks"])
        #expect(parse(["taskiq", "--help"]) == nil)
    }

    @Test func frameworkCLIs() {
        let fastapi = parse(["fastapi", "run", "app/main.py", "--port", "80"], workdir: "/code")
        #expect(fastapi?.kind == .appFile(path: "/code/app/main.py", attribute: nil))
        #expect(fastapi?.defaultHost == "0.0.0.0")
        #expect(fastapi?.port == .int(80))
        #expect(parse(["fastapi", "dev"])?.kind == .appFile(path: nil, attribute: nil))
        #expect(parse(["fastapi", "dev"])?.defaultHost == "127.0.0.1")
        let flaskEnvironment = parse(["flask", "run", "--host=0.0.0.0"])
        #expect(flaskEnvironment?.kind == .fromEnvironment(variable: "FLASK_APP"))
        #expect(flaskEnvironment?.host == .literal("0.0.0.0"))
        #expect(flaskEnvironment?.defaultPort == 5000)
        let flaskApp = parse(["flask", "--app", "hello:create_app()", "run", "-p", "5001"])
        #expect(flaskApp?.kind == .wsgiApp(module: "hello", attribute: "create_app"))
        #expect(flaskApp?.isFactory == true)
        #expect(flaskApp?.port == .int(5001))
        #expect(parse(["flask", "--app", "src/app.py", "run"])?.kind == .appFile(path: "/app/src/app.py", attribute: nil))
        #expect(parse(["flask", "db", "upgrade"]) == nil)
    }

    @Test func serversRunAsPythonModules() {
        let uvicorn = parse(["python", "-m", "uvicorn", "main:app", "--host", "0.0.0.0"])
        #expect(uvicorn?.program == "python")
        #expect(uvicorn?.server == "uvicorn")
        #expect(uvicorn?.kind == .asgiApp(module: "main", attribute: "app"))
        let gunicorn = parse(["python3", "-m", "gunicorn", "-b", "0.0.0.0:5000", "app:app"])
        #expect(gunicorn?.server == "gunicorn")
        #expect(gunicorn?.port == .int(5000))
        #expect(parse(["python", "-m", "flask", "run"])?.kind == .fromEnvironment(variable: "FLASK_APP"))
    }

    // MARK: - Wrappers

    @Test func launchersAreUnwrapped() {
        let otel = parse(["opentelemetry-instrument", "--traces_exporter", "console", "--metrics_exporter", "none", "python", "app.py"])
        #expect(otel?.kind == .script("/app/app.py"))
        #expect(otel?.wrappers == ["opentelemetry-instrument"])
        #expect(parse(["ddtrace-run", "gunicorn", "app:app"])?.server == "gunicorn")
        #expect(parse(["dumb-init", "--", "uvicorn", "main:app"])?.kind == .asgiApp(module: "main", attribute: "app"))
        let tini = parse(["/usr/bin/tini", "-s", "--", "python", "main.py"])
        #expect(tini?.kind == .script("/app/main.py"))
        #expect(tini?.wrappers == ["tini"])
        #expect(parse(["gosu", "app", "python", "main.py"])?.kind == .script("/app/main.py"))
        #expect(parse(["poetry", "run", "uvicorn", "main:app"])?.server == "uvicorn")
        #expect(parse(["uv", "run", "--frozen", "main.py"])?.kind == .script("/app/main.py"))
        #expect(parse(["uv", "run", "-m", "app"])?.kind == .module("app"))
        #expect(parse(["doppler", "run", "--", "python", "bot.py"])?.kind == .script("/app/bot.py"))
        let env = parse(["env", "PYTHONUNBUFFERED=1", "APP_ENV=prod", "python", "bot.py"])
        #expect(env?.environment == ["PYTHONUNBUFFERED": "1", "APP_ENV": "prod"])
        #expect(env?.kind == .script("/app/bot.py"))
        #expect(parse(["/app/run.py", "--serve"])?.kind == .script("/app/run.py"))
    }

    @Test func shellCommands() {
        let migrate = parse(["sh", "-c", "alembic upgrade head && exec uvicorn app.main:app --host 0.0.0.0 --port ${PORT:-8000}"])
        #expect(migrate?.kind == .asgiApp(module: "app.main", attribute: "app"))
        #expect(migrate?.port == .env(name: "PORT", default: "8000"))
        #expect(migrate?.wrappers == ["sh"])
        let django = parse(["bash", "-c", "cd /srv/api && python manage.py migrate && python manage.py runserver 0.0.0.0:8000"])
        #expect(django?.kind == .script("/srv/api/manage.py"))
        #expect(django?.workdir == "/srv/api")
        #expect(django?.port == .int(8000))
        let assigned = parse(["/bin/sh", "-ec", "PORT=9000 exec gunicorn -b \"0.0.0.0:$PORT\" wsgi:app 2>&1 | tee /var/log/app.log"])
        #expect(assigned?.environment == ["PORT": "9000"])
        #expect(assigned?.port == .env(name: "PORT", default: nil))
        #expect(assigned?.kind == .wsgiApp(module: "wsgi", attribute: "app"))
        let quoted = parse(["sh", "-c", "python -c 'import x' ; python worker.py 'arg with spaces' # trailing comment"])
        #expect(quoted?.kind == .script("/app/worker.py"))
        #expect(quoted?.arguments == ["arg with spaces"])
        #expect(parse(["sh", "-c", "echo hello && sleep infinity"]) == nil)
        #expect(parse(["sh", "script.sh"]) == nil)
    }

    @Test func execFormDoesNotExpandVariables() {
        #expect(parse(["uvicorn", "main:app", "--port", "$PORT"])?.port == .literal("$PORT"))
    }

    @Test func nonPythonCommands() {
        #expect(parse(["nginx", "-g", "daemon off;"]) == nil)
        #expect(parse([]) == nil)
        #expect(parse(["node", "server.js"]) == nil)
    }

    @Test func shellWordSplitting() {
        let commands = PythonShellWords.commands("A=1 run \"x y\" 'q' a\\ b > out.log; next $(date +%s) || last &")
        #expect(commands == [["A=1", "run", "x y", "q", "a b"], ["next", "$(date +%s)"], ["last"]])
        #expect(PythonShellWords.variable("${PORT:-8000}")?.fallback == "8000")
        #expect(PythonShellWords.variable("$PORT")?.name == "PORT")
        #expect(PythonShellWords.variable("$1") == nil)
        #expect(PythonShellWords.variable("8000") == nil)
    }
}
