#!/usr/bin/env bash
# Installs what the live tests need, from Debian's packages and PyPI:
# git, libsqlite3-dev, PostgreSQL, Redis, openssl, and Python's grpcio, grpcio-health-checking,
# boto3 and moto[server]. Skips what is already there.
set -euo pipefail
missing=()
command -v git >/dev/null 2>&1 || missing+=(git)
# GRDB links the system SQLite.
[ -e /usr/include/sqlite3.h ] || missing+=(libsqlite3-dev)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
if ! command -v psql >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    missing+=(postgresql)
fi
command -v python3 >/dev/null 2>&1 || missing+=(python3 python3-pip)
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# The Debian package starts a cluster of its own on 5432; the tests start their own.
if command -v pg_lsclusters >/dev/null 2>&1 && pg_lsclusters 2>/dev/null | grep -q online; then
    pg_ctlcluster --force "$(pg_lsclusters -h | awk 'NR==1 {print $1}')" "$(pg_lsclusters -h | awk 'NR==1 {print $2}')" stop || true
fi
if ! python3 -c "import grpc, grpc_health.v1, boto3, moto.server" 2>/dev/null; then
    echo "installing PyPI packages: grpcio grpcio-health-checking boto3 moto[server]"
    python3 -m pip install -q --disable-pip-version-check grpcio grpcio-health-checking boto3 'moto[server]'
fi
