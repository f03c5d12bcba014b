#!/usr/bin/env bash
# Installs what the test bed needs when it is absent — Docker engine, compose v2 plugin, mmdebstrap —
# and starts the engine when none answers. Safe to run again: every step looks before it acts.
set -euo pipefail

MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
export DEBIAN_FRONTEND=noninteractive

apt_updated=false
apt_install() {
  $apt_updated || { apt-get update -qq; apt_updated=true; }
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

command -v dockerd >/dev/null || apt_install docker.io
command -v mmdebstrap >/dev/null || apt_install mmdebstrap
command -v curl >/dev/null || apt_install curl

# The compose plugin comes from trixie, fetched through a private apt list so the host's sources stay bookworm.
if ! docker compose version >/dev/null 2>&1; then
  work=$(mktemp -d)
  mkdir -p "$work/lists/partial" "$work/archives/partial"
  echo "deb $MIRROR trixie main" >"$work/sources.list"
  opts=(-o Dir::Etc::SourceList="$work/sources.list" -o Dir::Etc::SourceParts=/dev/null
        -o Dir::State::Lists="$work/lists" -o Dir::Cache::Archives="$work/archives")
  apt-get "${opts[@]}" update -qq
  (cd "$work" && apt-get "${opts[@]}" download docker-compose >/dev/null)
  dpkg-deb -x "$work"/docker-compose_*.deb "$work/root"
  for plugins in /usr/local/lib/docker/cli-plugins /usr/libexec/docker/cli-plugins; do
    mkdir -p "$plugins"
    install -m 0755 "$work/root/usr/libexec/docker/cli-plugins/docker-compose" "$plugins/docker-compose"
  done
  rm -rf "$work"
fi

# Starts dockerd with the given storage driver; true once it answers with that driver.
start_engine() {
  local driver=$1
  mkdir -p /var/log
  # its own session: the engine outlives the shell (or CI job step) that started it
  setsid nohup dockerd --storage-driver="$driver" >"/var/log/dockerd.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || return 1   # it refused the driver and exited
    [ "$(docker info --format '{{.Driver}}' 2>/dev/null)" = "$driver" ] && return 0
    sleep 1
  done
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  return 1
}

# overlay2 where the kernel allows (create and remove ~0.05 s), else vfs (which copies every layer: ~1.6 s, 0.6 s).
if ! docker info >/dev/null 2>&1; then
  if start_engine overlay2; then
    echo "engine: storage driver overlay2"
  else
    echo "engine: overlay2 refused here (see /var/log/dockerd.log); falling back to vfs" >&2
    cp /var/log/dockerd.log /var/log/dockerd-overlay2.log 2>/dev/null || true
    start_engine vfs || { echo "dockerd did not answer; see /var/log/dockerd.log" >&2; exit 1; }
  fi
fi
echo "engine: $(docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})'), $(docker info --format '{{.Driver}}'), $(docker compose version --short | sed 's/^/compose /')"
