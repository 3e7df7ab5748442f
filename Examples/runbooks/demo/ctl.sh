#!/bin/sh
# Starts, stops and switches the demo's local processes for the example runbooks.
# State (pid files, logs, the current and previous release) lives in $STATE_DIR.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
state=${STATE_DIR:-.demo-state}
app_port=${APP_PORT:-18480}
config_port=${CONFIG_PORT:-18481}
mkdir -p "$state"

running() { [ -f "$state/$1.pid" ] && kill -0 "$(cat "$state/$1.pid")" 2>/dev/null; }

start() {
    name=$1; shift
    if running "$name"; then echo "$name already running (pid $(cat "$state/$name.pid"))"; return; fi
    nohup "$@" >>"$state/$name.log" 2>&1 </dev/null &
    echo $! >"$state/$name.pid"
    echo "started $name (pid $!)"
}

stop() {
    if running "$1"; then
        kill "$(cat "$state/$1.pid")" && echo "stopped $1"
    else
        echo "$1 not running"
    fi
    rm -f "$state/$1.pid"
}

case "${1:-}" in
prepare)
    # Keep what runs now, so a rollback can put it back.
    if [ -f "$state/release" ]; then cp "$state/release" "$state/release.previous"; else rm -f "$state/release.previous"; fi
    rm -f "$state/config.started"
    echo "prepared $state (previous release: $(cat "$state/release.previous" 2>/dev/null || echo none))"
    ;;
start-config)
    mkdir -p "$state/config"
    echo "release-channel=stable" >"$state/config/settings"
    if ! running config; then touch "$state/config.started"; fi
    start config python3 -m http.server "$config_port" --bind 127.0.0.1 --directory "$state/config"
    ;;
undo-config)
    # Stop the config service only if this deployment started it.
    if [ -f "$state/config.started" ]; then stop config; rm -f "$state/config.started"; else echo "config was already running before this deployment: left running"; fi
    ;;
release)
    echo "$2" >"$state/release"
    start app python3 "$here/app.py" --port "$app_port" --state "$state"
    echo "release $2 is live on 127.0.0.1:$app_port"
    ;;
rollback-release)
    if [ -f "$state/release.previous" ]; then
        cp "$state/release.previous" "$state/release"
        echo "restored release $(cat "$state/release")"
    else
        rm -f "$state/release"
        stop app
        echo "no previous release: the app is stopped"
    fi
    ;;
smoke)
    python3 - "$app_port" <<'PY'
import json, sys, urllib.error, urllib.request
port = sys.argv[1]
try:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/orders", timeout=5) as response:
        body = json.load(response)
except urllib.error.HTTPError as error:
    sys.exit(f"GET /api/orders answered {error.code}: {error.read().decode().strip()}")
print(f"GET /api/orders: 200, release {body['release']}")
PY
    ;;
logs-clean)
    if grep -n "ERROR" "$state/app.log"; then echo "errors in $state/app.log"; exit 1; fi
    echo "no errors in $state/app.log"
    ;;
rollback-plan)
    echo "# Rollback plan"
    echo "1. $0 rollback-release  (puts back: $(cat "$state/release.previous" 2>/dev/null || echo 'nothing: stops the app'))"
    echo "2. $0 undo-config"
    ;;
status)
    for name in config app; do
        if running "$name"; then echo "$name: running (pid $(cat "$state/$name.pid"))"; else echo "$name: stopped"; fi
    done
    echo "release: $(cat "$state/release" 2>/dev/null || echo none)"
    ;;
stop-all) stop app; stop config ;;
*) echo "usage: $0 prepare|start-config|undo-config|release NAME|rollback-release|smoke|logs-clean|rollback-plan|status|stop-all" >&2; exit 2 ;;
esac
