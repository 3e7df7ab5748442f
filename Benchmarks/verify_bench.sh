#!/usr/bin/env bash
# Benchmark: 200 probes (HTTP, TCP, gRPC health, Redis, PostgreSQL) against local servers,
# compared with the slowest single probe. Usage: GREENLIGHT=path Benchmarks/verify_bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${GREENLIGHT:-$(swift build -c release --show-bin-path)/greenlight}"
work="$(mktemp -d)"
Tests/Live/servers.sh up "$work/servers" --watch $$ > /dev/null
set -a; . "$work/servers/env"; set +a

config="$work/200.yml"
{
    echo "verify:"
    echo "  defaults: {timeout: 5s, retries: 0}"
    echo "  probes:"
    for i in $(seq 1 40); do
        echo "    - {name: http-$i, http: '$GREENLIGHT_LIVE_HTTP/slow/100', contains: ok}"
        echo "    - {name: tcp-$i, tcp: '$GREENLIGHT_LIVE_HTTP_ADDRESS'}"
        echo "    - {name: grpc-$i, grpc: '$GREENLIGHT_LIVE_GRPC', service: greenlight.Healthy}"
        echo "    - {name: redis-$i, redis: '$GREENLIGHT_LIVE_REDIS_URL'}"
        echo "    - {name: postgres-$i, postgres: '$GREENLIGHT_LIVE_POSTGRES_URL'}"
    done
} > "$config"

# The slowest single probe on its own: each kind once, the slowest run of five.
slowest=0
for kind in http tcp grpc redis postgres; do
    for _ in 1 2 3 4 5; do
        start=$(date +%s%N)
        "$bin" verify --config "$config" --probe "$kind-1" > /dev/null
        elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
        (( elapsed > slowest )) && slowest=$elapsed
    done
done

runs=()
for _ in 1 2 3 4 5; do
    start=$(date +%s%N)
    "$bin" verify --config "$config" --format json > "$work/out.json"
    runs+=($(( ($(date +%s%N) - start) / 1000000 )))
done
passed=$(grep -o '"passed":[0-9]*' "$work/out.json")
median=$(printf '%s\n' "${runs[@]}" | sort -n | sed -n 3p)
echo "200 probes: median ${median} ms over 5 runs (${runs[*]}), $passed"
echo "slowest single probe (whole command, worst of 25): ${slowest} ms"
echo "ratio: $(python3 -c "print(round($median / $slowest, 2))")"
Tests/Live/servers.sh down "$work/servers"
