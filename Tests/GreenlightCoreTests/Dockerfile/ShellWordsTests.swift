import Testing
@testable import GreenlightCore

@Suite("ShellWords")
struct ShellWordsTests {
    @Test func splitHonoursQuotesAndBackslashes() {
        #expect(ShellWords.split(#"curl -fsS "http://localhost:8000/health?x=1 2" 'a b' c\ d"#)
            == ["curl", "-fsS", "http://localhost:8000/health?x=1 2", "a b", "c d"])
        #expect(ShellWords.split(#"echo "a \"quoted\" \$HOME \x" '\n'"#) == ["echo", "a \"quoted\" $HOME \\x", "\\n"])
        #expect(ShellWords.split("echo $(date +%s) ${A:-a b} `id -u`") == ["echo", "$(date +%s)", "${A:-a b}", "`id -u`"])
        #expect(ShellWords.split("pip install \\\n  flask") == ["pip", "install", "flask"])
        #expect(ShellWords.split("python app.py # start") == ["python", "app.py"])
        #expect(ShellWords.split("echo a#b") == ["echo", "a#b"])
        #expect(ShellWords.split("a && b") == ["a", "&&", "b"])
        #expect(ShellWords.split("") == [])
        #expect(ShellWords.split("   ") == [])
    }

    @Test func splitRejectsUnbalancedQuotes() {
        #expect(ShellWords.split("echo 'oops") == nil)
        #expect(ShellWords.split("echo \"oops") == nil)
        #expect(ShellWords.split("echo $(date") == nil)
        #expect(ShellWords.split("echo `date") == nil)
    }

    @Test func commandsSplitOnOperators() {
        let text = "set -eux; apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*"
        #expect(ShellWords.commands(text) == [
            ["set", "-eux"], ["apt-get", "update"],
            ["apt-get", "install", "-y", "--no-install-recommends", "curl", "ca-certificates"],
            ["rm", "-rf", "/var/lib/apt/lists/*"],
        ])
        #expect(ShellWords.commands("curl -f http://localhost:8000/health || exit 1")
            == [["curl", "-f", "http://localhost:8000/health"], ["exit", "1"]])
        #expect(ShellWords.commands("curl -fsSL https://install.example.com | sh -")
            == [["curl", "-fsSL", "https://install.example.com"], ["sh", "-"]])
        #expect(ShellWords.commands("(cd /app&&python -m app>/tmp/log 2>&1) &\nwait")
            == [["cd", "/app"], ["python", "-m", "app"], ["wait"]])
        #expect(ShellWords.commands("echo 'a && b; c' | tee out.txt") == [["echo", "a && b; c"], ["tee", "out.txt"]])
    }

    @Test func redirectionsAreDropped() {
        #expect(ShellWords.commands("python manage.py migrate > /dev/null 2>&1") == [["python", "manage.py", "migrate"]])
        #expect(ShellWords.commands("mysql -u root < schema.sql &>>log") == [["mysql", "-u", "root"]])
        #expect(ShellWords.commands("grep -q ok <<< \"$STATUS\"") == [["grep", "-q", "ok"]])
    }

    @Test func heredocBodiesAreSkipped() {
        let script = "cat <<'EOF' > /etc/app.conf\nport=8000\nrm -rf /\nEOF\nnginx -g 'daemon off;'\n"
        #expect(ShellWords.commands(script) == [["cat"], ["nginx", "-g", "daemon off;"]])
        let tabbed = "cat <<-END\n\techo inside\n\tEND\necho after"
        #expect(ShellWords.commands(tabbed) == [["cat"], ["echo", "after"]])
    }

    @Test func assignmentsAndWrappers() {
        let command = ShellWords.parseCommands("PYTHONPATH=/app exec gosu app:app python -m uvicorn main:app")
        #expect(command == [ShellCommand(
            assignments: ["PYTHONPATH=/app"], wrappers: ["exec", "gosu"], words: ["python", "-m", "uvicorn", "main:app"])])
        #expect(ShellWords.parseCommands("sudo -u postgres -E psql -c \"select 1\"")
            == [ShellCommand(wrappers: ["sudo"], words: ["psql", "-c", "select 1"])])
        #expect(ShellWords.parseCommands("env -i PATH=/usr/bin HOME=/root python app.py")
            == [ShellCommand(assignments: ["PATH=/usr/bin", "HOME=/root"], wrappers: ["env"], words: ["python", "app.py"])])
        #expect(ShellWords.parseCommands("timeout -s KILL 5 curl -f http://localhost/")
            == [ShellCommand(wrappers: ["timeout"], words: ["curl", "-f", "http://localhost/"])])
        #expect(ShellWords.parseCommands("tini -g -- nohup nice -n 10 celery worker")
            == [ShellCommand(wrappers: ["tini", "nohup", "nice"], words: ["celery", "worker"])])
        #expect(ShellWords.commands("exec \"$@\"") == [["$@"]])
        #expect(ShellWords.commands("exec") == [["exec"]])
        #expect(ShellWords.commands("env") == [["env"]])
        #expect(ShellWords.parseCommands("A=1 B=\"x y\"") == [ShellCommand(assignments: ["A=1", "B=x y"], words: [])])
        #expect(ShellWords.commands("A=1 B=2") == [])
        #expect(ShellWords.commands("\"A=1\" cmd") == [["A=1", "cmd"]])
        #expect(ShellWords.commands("command -v curl") == [["command", "-v", "curl"]])
    }

    @Test func compoundCommandsAreFlattened() {
        #expect(ShellWords.commands("if [ -f /app/.env ]; then . /app/.env; fi")
            == [["[", "-f", "/app/.env", "]"], [".", "/app/.env"]])
        #expect(ShellWords.commands("for f in /docker-entrypoint.d/*.sql; do psql -f \"$f\"; done")
            == [["psql", "-f", "$f"]])
        #expect(ShellWords.commands("while ! pg_isready -h db; do sleep 1; done") == [["pg_isready", "-h", "db"], ["sleep", "1"]])
        #expect(ShellWords.commands("{ echo a; echo b; }") == [["echo", "a"], ["echo", "b"]])
        #expect(ShellWords.commands("echo done; find . -name '*.pyc' -exec rm {} \\;") == [
            ["echo", "done"], ["find", ".", "-name", "*.pyc", "-exec", "rm", "{}", ";"],
        ])
    }

    @Test func unbalancedTextYieldsNoCommands() {
        #expect(ShellWords.commands("echo \"unterminated && rm -rf /") == [])
        #expect(ShellWords.parseCommands("curl 'http://x") == [])
    }
}
