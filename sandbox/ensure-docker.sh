#!/usr/bin/env bash
# Make a Docker engine reachable, installing and starting one only when needed:
#   1. a daemon that already answers (Docker Desktop, a system service) is used as it is;
#   2. else an installed dockerd is started in the background;
#   3. else, as root on a Debian-like system, docker.io is installed from Debian and started;
#   4. else we stop and say what to do.
set -euo pipefail

log() { echo "[docker] $*" >&2; }

if docker info >/dev/null 2>&1; then
    exit 0
fi

if ! command -v dockerd >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        log "no Docker engine found; installing docker.io from Debian"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null
    else
        log "no Docker engine is reachable and none is installed."
        log "Install Docker (https://docs.docker.com/engine/install/) or start Docker Desktop, then retry."
        exit 1
    fi
fi

if [ "$(id -u)" != 0 ]; then
    log "dockerd is installed but not running, and starting it needs root."
    log "Start it with: sudo systemctl start docker   (or sudo dockerd &), then retry."
    exit 1
fi

# A dockerd killed with its session leaves its pid file behind and then refuses to start;
# the file is stale when the process it names is gone (or is a zombie).
dockerd_alive() {
    ps -eo stat=,comm= | awk '$2 == "dockerd" && $1 !~ /^Z/ { found = 1 } END { exit !found }'
}
if [ -f /var/run/docker.pid ]; then
    pid=$(cat /var/run/docker.pid 2>/dev/null || true)
    state=$(ps -o stat= -p "${pid:-0}" 2>/dev/null || true)
    if [ -z "$state" ] || [ "${state#Z}" != "$state" ]; then
        rm -f /var/run/docker.pid
    fi
fi
# Two tries: a dockerd started while the previous one's containerd is still dying gives up.
for attempt in 1 2; do
    if ! dockerd_alive; then
        log "starting dockerd (log: /var/log/codearena-dockerd.log)"
        nohup dockerd >/var/log/codearena-dockerd.log 2>&1 &
    fi
    for _ in $(seq 1 60); do
        if docker info >/dev/null 2>&1; then
            exit 0
        fi
        if ! dockerd_alive; then
            break
        fi
        sleep 1
    done
    [ "$attempt" = 1 ] && sleep 3
done
log "dockerd did not answer within 60 s; see /var/log/codearena-dockerd.log"
exit 1
