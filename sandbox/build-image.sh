#!/usr/bin/env bash
# Build the sandbox image of a tier (core or full, see the Dockerfile; default full) if it is
# missing: sandbox/build-image.sh [TIER]. Its tag is the tier and a hash of the files it is
# built from (codearena/paths.py computes the same), so an edit to sandbox/ gives a new tag and
# a rebuild, and an unchanged tree costs nothing.
set -euo pipefail
cd "$(dirname "$0")"

log() { echo "[sandbox] $*" >&2; }

TIER="${1:-full}"
case "$TIER" in
    core | full) ;;
    *) log "unknown tier '$TIER': use core or full"; exit 2 ;;
esac
TAG="codearena-sandbox:$TIER-$(cat Dockerfile launch.c supervisor.py node/fork_server.cc node/fork-server.js | sha256sum | cut -c1-12)"
if docker image inspect "$TAG" >/dev/null 2>&1; then
    echo "$TAG"
    exit 0
fi

BASE=codearena-base:bookworm
if ! docker image inspect "$BASE" >/dev/null 2>&1; then
    if timeout 60 docker pull debian:bookworm-slim >/dev/null 2>&1; then
        docker tag debian:bookworm-slim "$BASE"
    else
        log "no registry reachable; building the Debian base with debootstrap (a few minutes, once)"
        if ! command -v debootstrap >/dev/null 2>&1; then
            if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
                DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
            else
                log "debootstrap is missing; install it (apt-get install debootstrap) or make a registry reachable"
                exit 1
            fi
        fi
        ROOTFS=$(mktemp -d)
        trap 'rm -rf "$ROOTFS"' EXIT
        debootstrap --variant=minbase bookworm "$ROOTFS" >/dev/null
        rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/*
        tar -C "$ROOTFS" -c . | docker import - "$BASE" >/dev/null
    fi
fi

log "building $TAG (apt-get install of the toolchains, a few minutes, once)"
# The host's network (the build fetches packages; it needs no bridge of Docker's), and the extra
# certificates the host's Node trusts, for npm behind a TLS-intercepting proxy.
CONTEXT=$(mktemp -d)
trap 'rm -rf "$CONTEXT" "${ROOTFS:-}"' EXIT
cp -a . "$CONTEXT/"
if [ -n "${NODE_EXTRA_CA_CERTS:-}" ] && [ -r "$NODE_EXTRA_CA_CERTS" ]; then
    cp "$NODE_EXTRA_CA_CERTS" "$CONTEXT/npm-ca.pem"
fi
DOCKER_BUILDKIT=0 docker build -q --network host --build-arg BASE="$BASE" --build-arg TIER="$TIER" -t "$TAG" "$CONTEXT" >/dev/null
docker tag "$TAG" "codearena-sandbox:$TIER-latest"
echo "$TAG"
