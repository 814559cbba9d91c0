#!/usr/bin/env bash
# Build CodeArena's server image (the top-level Dockerfile). Its Python packages are prepared
# here as wheels, so the build needs no network inside Docker; the base is the registry's
# python image when it can be pulled, else the offline Debian base of the sandbox.
set -euo pipefail
cd "$(dirname "$0")/.."
TAG="${1:-codearena-server:latest}"
PYTHON="${PYTHON:-.venv/bin/python}"
rm -rf .wheels
"$PYTHON" -m pip wheel -q -w .wheels . setuptools wheel
BASE=python:3.11-slim-bookworm
if ! docker image inspect "$BASE" >/dev/null 2>&1 && ! timeout 60 docker pull "$BASE" >/dev/null 2>&1; then
    BASE=codearena-base:bookworm
fi
DOCKER_BUILDKIT=0 docker build -q --build-arg BASE="$BASE" -t "$TAG" . >/dev/null
rm -rf .wheels
echo "$TAG"
