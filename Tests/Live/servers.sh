#!/usr/bin/env bash
# Starts the real servers Greenlight's live probe tests run against, all on 127.0.0.1
# with free ports, and prints their addresses as KEY=VALUE lines (also written to DIR/env).
#
#   Tests/Live/servers.sh up DIR [--watch PID]   start everything; with --watch, stop it all
#                                                when process PID exits
#   Tests/Live/servers.sh down DIR               stop everything started in DIR
#
# Needs: PostgreSQL server binaries (initdb, pg_ctl), redis-server, openssl, and python3
# with grpcio, grpcio-health-checking, boto3 and moto[server]. A missing piece is skipped
# with a note on stderr, and its variables are not printed.
set -u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command="${1:-}"
dir="${2:-}"
if [[ -z "$command" || -z "$dir" ]]; then
    echo "usage: $0 up|down DIR [--watch PID]" >&2
    exit 2
fi

note() { echo "servers.sh: $*" >&2; }

# Runs a command with no blocked or ignored signals. Processes started from some
# runtimes inherit a signal mask that blocks SIGTERM, and then cannot be stopped.
clean() {
    python3 -c 'import os, signal, sys
signal.pthread_sigmask(signal.SIG_SETMASK, [])
for s in (signal.SIGINT, signal.SIGQUIT, signal.SIGTERM, signal.SIGPIPE):
    signal.signal(s, signal.SIG_DFL)
os.execvp(sys.argv[1], sys.argv[1:])' "$@"
}

stop_all() {
    local d="$1"
    if [[ -f "$d/pids" ]]; then
        while read -r pid; do kill "$pid" 2>/dev/null; done < "$d/pids"
    fi
    if [[ -f "$d/pgdir" ]]; then
        local pg
        pg="$(cat "$d/pgdir")"
        as_postgres "$d" "$(pg_bin pg_ctl)" -D "$pg/data" -m immediate stop >/dev/null 2>&1
        rm -rf "$pg"
    fi
    for f in "$d"/redis-*.pid; do
        [[ -f "$f" ]] && kill "$(cat "$f")" 2>/dev/null
    done
    # Anything that did not take SIGTERM within a moment is killed.
    sleep 0.5
    if [[ -f "$d/pids" ]]; then
        while read -r pid; do kill -9 "$pid" 2>/dev/null; done < "$d/pids"
    fi
    return 0
}

pg_bin() {
    if command -v "$1" >/dev/null 2>&1; then command -v "$1"; return; fi
    local latest
    latest="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
    if [[ -n "$latest" && -x "$latest/$1" ]]; then echo "$latest/$1"; fi
}

# PostgreSQL refuses to run as root: run its tools as the postgres user then.
as_postgres() {
    shift
    if [[ "$(id -u)" == "0" ]]; then
        clean runuser -u postgres -- "$@"
    else
        clean "$@"
    fi
}

free_ports() {
    python3 - "$1" <<'PY'
import socket, sys
sockets = []
for _ in range(int(sys.argv[1])):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    sockets.append(s)
print(" ".join(str(s.getsockname()[1]) for s in sockets))
PY
}

wait_port() {
    local port="$1" tries=0
    until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
        tries=$((tries + 1))
        if (( tries > 150 )); then return 1; fi
        sleep 0.1
    done
}

# Starts a background process detached from our stdout, recording its pid.
spawn() {
    local log="$1"; shift
    setsid python3 -c 'import os, signal, sys
signal.pthread_sigmask(signal.SIG_SETMASK, [])
for s in (signal.SIGINT, signal.SIGQUIT, signal.SIGTERM, signal.SIGPIPE):
    signal.signal(s, signal.SIG_DFL)
os.execvp(sys.argv[1], sys.argv[1:])' "$@" >"$dir/$log" 2>&1 </dev/null &
    echo $! >> "$dir/pids"
}

if [[ "$command" == "down" ]]; then
    stop_all "$dir"
    rm -rf "$dir" "$dir.log"
    exit 0
fi
if [[ "$command" != "up" ]]; then
    echo "usage: $0 up|down DIR [--watch PID]" >&2
    exit 2
fi
watch=""
if [[ "${3:-}" == "--watch" ]]; then watch="${4:-}"; fi

mkdir -p "$dir"
chmod 755 "$dir"
: > "$dir/pids"
: > "$dir/env"
read -r p_pg p_redis p_redis_open p_grpc p_grpc_tls p_http p_silent p_closed p_moto p_moto_auth <<< "$(free_ports 10)"
emit() { echo "$1=$2" >> "$dir/env"; }
emit GREENLIGHT_LIVE_CLOSED "127.0.0.1:$p_closed"

# HTTP and the silent peer.
spawn http.log python3 "$here/http_server.py" --port "$p_http"
spawn silent.log python3 "$here/silent_server.py" --port "$p_silent"

# gRPC health servers, plaintext and TLS.
if python3 -c "import grpc, grpc_health.v1" 2>/dev/null && [[ -f "$here/grpc_health_server.py" ]]; then
    spawn grpc.log python3 "$here/grpc_health_server.py" --port "$p_grpc"
    if command -v openssl >/dev/null 2>&1; then
        openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=localhost \
            -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -days 2 \
            -keyout "$dir/grpc-key.pem" -out "$dir/grpc-cert.pem" >/dev/null 2>&1
        spawn grpc-tls.log python3 "$here/grpc_health_server.py" --port "$p_grpc_tls" \
            --cert "$dir/grpc-cert.pem" --key "$dir/grpc-key.pem"
    fi
else
    note "python grpcio/grpcio-health-checking missing: no gRPC server"
    p_grpc="" ; p_grpc_tls=""
fi

# moto in server mode: one open (seeded), one with IAM authentication on.
if python3 -c "import moto.server, boto3" 2>/dev/null; then
    spawn moto.log env MOTO_ECS_SERVICE_RUNNING=2 python3 -m moto.server -H 127.0.0.1 -p "$p_moto"
    spawn moto-auth.log env INITIAL_NO_AUTH_ACTION_COUNT=0 python3 -m moto.server -H 127.0.0.1 -p "$p_moto_auth"
else
    note "python moto[server]/boto3 missing: no AWS endpoint"
    p_moto="" ; p_moto_auth=""
fi

# Redis: one with a password, one without.
if command -v redis-server >/dev/null 2>&1; then
    clean redis-server --port "$p_redis" --bind 127.0.0.1 --requirepass redis-pw --save "" --appendonly no \
        --daemonize yes --pidfile "$dir/redis-auth.pid" --logfile "$dir/redis-auth.log" --dir "$dir" \
        </dev/null >/dev/null 2>&1
    clean redis-server --port "$p_redis_open" --bind 127.0.0.1 --save "" --appendonly no \
        --daemonize yes --pidfile "$dir/redis-open.pid" --logfile "$dir/redis-open.log" --dir "$dir" \
        </dev/null >/dev/null 2>&1
else
    note "redis-server missing: no Redis"
    p_redis="" ; p_redis_open=""
fi

# PostgreSQL with a password-protected role and database.
initdb="$(pg_bin initdb)"
pg_ctl="$(pg_bin pg_ctl)"
if [[ -n "$initdb" && -n "$pg_ctl" ]] && command -v psql >/dev/null 2>&1; then
    # Its own directory under /tmp: DIR may sit below a directory only root can enter,
    # and PostgreSQL runs as the postgres user when we are root.
    pg="$(mktemp -d /tmp/greenlight-pg.XXXXXX)"
    chmod 755 "$pg"
    echo "$pg" > "$dir/pgdir"
    mkdir -p "$pg/data" "$pg/sock"
    if [[ "$(id -u)" == "0" ]]; then chown postgres "$pg/data" "$pg/sock"; fi
    if as_postgres "$dir" "$initdb" -D "$pg/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1 \
        && as_postgres "$dir" "$pg_ctl" -D "$pg/data" -l "$pg/data/server.log" -w -t 30 \
            -o "-p $p_pg -k $pg/sock -c listen_addresses=127.0.0.1 -c fsync=off" start </dev/null >"$dir/pg_ctl.log" 2>&1 \
        && psql -h "$pg/sock" -p "$p_pg" -U postgres -q -v ON_ERROR_STOP=1 \
            -c "CREATE ROLE greenlight LOGIN PASSWORD 'greenlight-pw'" \
            -c "CREATE DATABASE greenlight OWNER greenlight" >"$dir/psql.log" 2>&1; then
        :
    else
        note "PostgreSQL did not start (see $dir/initdb.log, $dir/pg_ctl.log, $dir/psql.log)"
        p_pg=""
    fi
else
    note "PostgreSQL server binaries missing: no PostgreSQL"
    p_pg=""
fi

# Wait for everything to listen, then publish addresses.
wait_port "$p_http" && emit GREENLIGHT_LIVE_HTTP "http://127.0.0.1:$p_http" && emit GREENLIGHT_LIVE_HTTP_ADDRESS "127.0.0.1:$p_http"
wait_port "$p_silent" && emit GREENLIGHT_LIVE_SILENT "127.0.0.1:$p_silent"
if [[ -n "$p_grpc" ]] && wait_port "$p_grpc"; then emit GREENLIGHT_LIVE_GRPC "127.0.0.1:$p_grpc"; fi
if [[ -n "$p_grpc_tls" ]] && wait_port "$p_grpc_tls"; then
    emit GREENLIGHT_LIVE_GRPC_TLS "127.0.0.1:$p_grpc_tls"
    emit GREENLIGHT_LIVE_GRPC_TLS_CA "$dir/grpc-cert.pem"
fi
if [[ -n "$p_redis" ]] && wait_port "$p_redis"; then
    emit GREENLIGHT_LIVE_REDIS_URL "redis://:redis-pw@127.0.0.1:$p_redis/0"
    emit GREENLIGHT_LIVE_REDIS_ADDRESS "127.0.0.1:$p_redis"
fi
if [[ -n "$p_redis_open" ]] && wait_port "$p_redis_open"; then emit GREENLIGHT_LIVE_REDIS_OPEN "127.0.0.1:$p_redis_open"; fi
if [[ -n "$p_pg" ]]; then
    emit GREENLIGHT_LIVE_POSTGRES_URL "postgresql://greenlight:greenlight-pw@127.0.0.1:$p_pg/greenlight"
    emit GREENLIGHT_LIVE_POSTGRES_ADDRESS "127.0.0.1:$p_pg"
fi
if [[ -n "$p_moto" ]] && wait_port "$p_moto" && wait_port "$p_moto_auth"; then
    emit GREENLIGHT_LIVE_MOTO "http://127.0.0.1:$p_moto"
    emit GREENLIGHT_LIVE_MOTO_AUTH "http://127.0.0.1:$p_moto_auth"
    if [[ -f "$here/seed_aws.py" ]]; then
        if ! python3 "$here/seed_aws.py" "http://127.0.0.1:$p_moto" >> "$dir/env" 2>"$dir/seed_aws.log"; then
            note "seeding moto failed (see $dir/seed_aws.log)"
        fi
    fi
fi

if [[ -n "$watch" ]]; then
    setsid bash -c 'while kill -0 "$1" 2>/dev/null; do sleep 1; done; "$2" down "$3"' _ "$watch" "$0" "$dir" \
        >/dev/null 2>&1 </dev/null &
fi
cat "$dir/env"
