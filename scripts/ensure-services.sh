#!/usr/bin/env bash
# Makes sure of what the test suites need, idempotently; a quick no-op when all is there.
#   - PostgreSQL on 127.0.0.1:5432 (trust auth) and Redis on 127.0.0.1:6379 and 6380, started when down
#   - Debian packages nginx and chromium, installed when missing (only as root; otherwise a hint)
#   - Debian package docker-compose (v1, validates docker-compose.yml without a Docker engine), likewise
#   - kubectl (Debian package kubernetes-client: `kubectl kustomize` renders deploy/k8s offline), likewise
# Used by `npm test` (pretest) and the native stack.
set -euo pipefail

log() { printf '[ensure-services] %s\n' "$*"; }

need=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
command -v kubectl >/dev/null 2>&1 || need+=(kubernetes-client)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    log "missing ${need[*]}: install them (apt-get install ${need[*]}) or run as root"
  fi
fi

# PostgreSQL: no systemd here, so pg_ctlcluster starts the cluster directly.
if command -v pg_lsclusters >/dev/null 2>&1 && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$version" ]; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    log "creating PostgreSQL $version cluster"
    pg_createcluster "$version" main >/dev/null
  fi
  log "starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
fi
pg_isready -q -h 127.0.0.1 -p 5432 || { log "PostgreSQL is not answering on 127.0.0.1:5432"; exit 1; }

# Redis: 6379 is the web app's, 6380 the api's (two brokers, as in docker-compose.yml). One
# started here is configured like compose's: append-only file (under /tmp/hotsox-redis-<port>),
# never evicting.
for port in 6379 6380; do
  if ! redis-cli -p "$port" ping >/dev/null 2>&1; then
    log "starting Redis on $port"
    mkdir -p "/tmp/hotsox-redis-$port"
    redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --save '' \
      --appendonly yes --maxmemory-policy noeviction --dir "/tmp/hotsox-redis-$port" \
      --pidfile "/tmp/hotsox-redis-$port.pid" --logfile "/tmp/hotsox-redis-$port.log"
    for _ in $(seq 1 40); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.25; done
  fi
  redis-cli -p "$port" ping >/dev/null 2>&1 || { log "Redis is not answering on $port"; exit 1; }
done
log "PostgreSQL and Redis are up"
