#!/usr/bin/env bash
# The floor for dump-restore: a bare script that does only what is unavoidable, with plain `docker` commands, on
# its own copy of the sample stack — stop the dependents, dump, stop the database, start the new server on a new
# volume, restore, start the dependents — and really moves the data from PostgreSQL 15 to 17.
#
#   bench/floor.sh [--size MB] [--project bench-floor] [--results FILE] [--keep]
#
# Downtime = the first dependent stopped → the last dependent healthy again, as Upshift's events count it.
# Everything runs as early as the stack allows: the dependents stop in parallel, the dumps of the database and of
# its roles run side by side, the new server is polled for readiness every 100 ms, and each dependent starts as
# soon as its own depends_on condition holds (api and worker once db is healthy, web once api is healthy).
# The stack is set up (with docker compose) and checked outside the timed part; then it is removed unless --keep.
source "$(dirname "$0")/lib.sh"

size=16 project=bench-floor results="" keep=false
while [ $# -gt 0 ]; do
  case $1 in
    --size) size=$2; shift 2 ;;
    --project) project=$2; shift 2 ;;
    --results) results=$2; shift 2 ;;
    --keep) keep=true; shift ;;
    *) die "usage: floor.sh [--size MB] [--project bench-…] [--results FILE] [--keep]" ;;
  esac
done
guard_project "$project"
dir="$work/$project"
p=$project db=$project-db-1 new=$project-db-17 volume=${project}_pg_data_17
$keep || trap 'stack_down "$project"; rm -f "$dir/final.dump"' EXIT

say "floor: setting up $project (${size} MB)…"
stack_up "$project" "$dir" "$size"
size_mb=$(db_size_mb "$db")
tmp="$dir/times" && mkdir -p "$tmp"

# ---- timed part: plain docker commands only ----
t_issue=$(now)
for service in web worker api; do
  ( docker stop "$p-$service-1" >/dev/null && now > "$tmp/stopped.$service" ) &
done
wait
t_down=$(cat "$tmp"/stopped.* | sort -g | head -1)
t_stopped=$(now)

docker exec "$db" pg_dump -U owner -Fc -d makapix > "$dir/final.dump" & dump=$!
docker exec "$db" pg_dumpall -U owner --roles-only > "$dir/roles.sql" & roles=$!
wait $dump && wait $roles || die "the final dump failed"
t_dumped=$(now)

docker stop "$db" >/dev/null
t_db_stopped=$(now)

docker volume create --label "com.docker.compose.project=$p" "$volume" >/dev/null
docker run -d --name "$new" --network "${p}_default" --network-alias db --env-file "$dir/stack/db.env" \
  -v "$volume:/var/lib/postgresql/data" --label "com.docker.compose.project=$p" \
  --label "com.docker.compose.service=db" "$target_image" >/dev/null
until docker exec "$new" pg_isready -q -h 127.0.0.1 -U owner -d makapix 2>/dev/null; do sleep 0.1; done
t_ready=$(now)

# roles first (the ones initdb made already exist: psql reports and goes on), then the data in one transaction
docker exec -i "$new" psql -q -U owner -d postgres < "$dir/roles.sql" >/dev/null 2>&1
docker exec -i "$new" pg_restore -U owner -d makapix --single-transaction --exit-on-error < "$dir/final.dump" \
  || die "the restore failed"
t_restored=$(now)

await_health healthy "$new"
t_db_healthy=$(now)
docker start "$p-api-1" "$p-worker-1" >/dev/null
await_health healthy "$p-api-1"
t_api_healthy=$(now)
docker start "$p-web-1" >/dev/null
await_health healthy "$p-api-1" "$p-worker-1" "$p-web-1"
t_up=$(now)
# ---- end of the timed part ----

# Did the data really move? The new server is 17 and holds what the old volume holds (the worker has been
# inserting into site_events again since, so that table is compared up to the old volume's last id).
version=$(docker exec "$new" psql -qtAX -U owner -d makapix -c "show server_version_num")
[ "$version" -ge 170000 ] || die "the new server runs $version, not 17"
counts="select (select count(*) from users), (select count(*) from posts), (select count(*) from comments),
               (select count(*) from view_events), (select count(*) from site_events), (select max(id) from site_events)"
docker run -d --name "$p-check-15" -v "${p}_pg_data:/var/lib/postgresql/data" --env-file "$dir/stack/db.env" \
  "$source_image" >/dev/null
until docker exec "$p-check-15" pg_isready -q -h 127.0.0.1 -U owner -d makapix 2>/dev/null; do sleep 0.2; done
old=$(docker exec "$p-check-15" psql -qtAX -U owner -d makapix -c "$counts")
docker rm -fv "$p-check-15" >/dev/null
last=${old##*|}
restored=$(docker exec "$new" psql -qtAX -U owner -d makapix -c "${counts//from site_events)/from site_events where id <= $last)}")
[ "$old" = "$restored" ] || die "the data did not come across: old $old, new $restored"

{
  echo "size_mb $size_mb"
  echo "downtime $(secs "$t_down" "$t_up")"
  echo "stop_dependents $(secs "$t_issue" "$t_stopped")"
  echo "final_dump $(secs "$t_stopped" "$t_dumped")"
  echo "stop_database $(secs "$t_dumped" "$t_db_stopped")"
  echo "new_server_ready $(secs "$t_db_stopped" "$t_ready")"
  echo "restore $(secs "$t_ready" "$t_restored")"
  echo "dependents_healthy $(secs "$t_restored" "$t_up")"
  echo "  of_which_db_healthy $(secs "$t_restored" "$t_db_healthy")"
  echo "  of_which_api_healthy $(secs "$t_db_healthy" "$t_api_healthy")"
  echo "  of_which_web_and_worker_healthy $(secs "$t_api_healthy" "$t_up")"
} > "$tmp/result"
[ -z "$results" ] || cp "$tmp/result" "$results"

echo "floor: $project, ${size_mb} MB, now on PostgreSQL $((version / 10000)); rows (users, posts, comments, view_events, site_events) ${old%|*} on both"
sed 's/^  /… /; s/ \([0-9.]*\)$/\t\1/' "$tmp/result" | table step seconds
