#!/usr/bin/env bash
set -euo pipefail
cd "$(dirname "$0")/.."
sha=$(git rev-parse HEAD)
docker build --platform linux/amd64 -t workflow-engine:"$sha" apps/workflow_engine
docker build --platform linux/amd64 -t api-gateway:"$sha" apps/api_gateway
