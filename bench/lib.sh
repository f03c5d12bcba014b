# Shared by the benchmark scripts (sourced): the sample stack under a bench- compose project, the data
# generator, medians and tables. Everything a script makes lives under $BENCH_WORK and in Docker objects named
# after its bench- project, and is removed when the script ends.
set -euo pipefail

bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$bench_dir")
work=${BENCH_WORK:-/tmp/upshift-bench}
source_image=${BENCH_SOURCE_IMAGE:-upshift-testbed/postgres:15}
target_image=${BENCH_TARGET_IMAGE:-upshift-testbed/postgres:17}

say() { echo "$*" >&2; }
die() { say "bench: $*"; exit 2; }
now() { date +%s.%N; }
# seconds from $1 to $2, two decimals
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
# an ISO-8601 instant (as the events and the execution log carry them) as epoch seconds
epoch() { date -d "$1" +%s.%N; }
# the median of the numbers on stdin
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print a[(NR + 1) / 2];
                                             else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

guard_project() { [[ $1 == bench-* ]] || die "refusing to touch project '$1': benchmark projects start with bench-"; }

# stack_down PROJECT: removes the project's containers (the logical method's replica, a project of its own named
# PROJECT-upshift-replica, included), its network and every volume it made — the upgrade's new volumes included
# (they are named PROJECT_*).
stack_down() {
  local project=$1 ids vols
  guard_project "$project"
  ids=$(docker ps -aq --filter "label=com.docker.compose.project=$project"
        docker ps -aq --filter "label=com.docker.compose.project=$project-upshift-replica")
  [ -z "$ids" ] || docker rm -fv $ids >/dev/null
  vols=$( (docker volume ls -q --filter "label=com.docker.compose.project=$project"; docker volume ls -q | grep "^${project}_" || true) | sort -u)
  [ -z "$vols" ] || docker volume rm $vols >/dev/null
  docker network rm "${project}_default" >/dev/null 2>&1 || true
}

# stack_up PROJECT DIR SIZE_MB: a fresh copy of testbed/stack in DIR/stack, healthy as PROJECT, filled to SIZE_MB
stack_up() {
  local project=$1 dir=$2 size=$3
  stack_down "$project"
  rm -rf "$dir" && mkdir -p "$dir" && cp -r "$repo/testbed/stack" "$dir/stack"
  docker compose -p "$project" -f "$dir/stack/compose.yml" up -d --wait >/dev/null 2>&1 \
    || die "the sample stack $project did not come up healthy"
  fill "$project" "$size"
}

# fill PROJECT SIZE_MB: grows the database to SIZE_MB with bench/fill.sql; prints nothing
fill() {
  docker exec -i "$1-db-1" psql -q -U owner -d makapix -v target_mb="$2" -f - < "$bench_dir/fill.sql" >/dev/null
}

# db_size_mb CONTAINER: the database's size as PostgreSQL counts it
db_size_mb() {
  docker exec "$1" psql -qtAX -U owner -d makapix -c "select round(pg_database_size('makapix') / 1048576.0, 1)"
}

# await_health STATE CONTAINER...: waits (polling every 100 ms, up to 3 min) until each container's health is STATE
await_health() {
  local state=$1 deadline=$((SECONDS + 180)) c all
  shift
  while :; do
    all=1
    for c in "$@"; do
      [ "$(docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{end}}' "$c" 2>/dev/null)" = "$state" ] || { all=0; break; }
    done
    [ $all = 1 ] && return 0
    [ $SECONDS -lt $deadline ] || die "timed out waiting for $* to be $state"
    sleep 0.1
  done
}

# table HEADER... then rows on stdin, tab-separated: prints a markdown table
table() {
  local IFS=$'\t'
  echo "| $* |" | sed 's/\t/ | /g'
  printf '|'; for _ in "$@"; do printf ' --- |'; done; echo
  while IFS=$'\t' read -r -a row; do echo "| ${row[*]} |" | sed 's/\t/ | /g'; done
}

machine() {
  echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GB, docker $(docker version --format '{{.Server.Version}}') storage $(docker info --format '{{.Driver}}'), load $(cut -d' ' -f1-3 /proc/loadavg)"
}
