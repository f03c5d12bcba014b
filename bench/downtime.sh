#!/usr/bin/env bash
# Downtime of Upshift's upgrade against the floor (bench/floor.sh, a dump-restore by hand), on fresh copies of the
# sample stack filled to the same size, alternating which goes first. Prints one row per repetition, the medians,
# and where the time goes per step.
#
#   bench/downtime.sh [--size MB] [--runs N] [--method dump-restore|pg-upgrade|logical] [--transfer copy|link]
#                                                   # 16 MB, 3 runs, dump-restore by default; e.g. --size 160
#
# Upshift's downtime is read from its events: the first ServiceStopped → ServicesRestored. Its steps come from
# `upshift log --json` (the execution log). Each Upshift run has its own store and home under $BENCH_WORK.
# logical moves the data before the downtime (2.3 replica, 2.4 catch-up): those steps are reported apart.
source "$(dirname "$0")/lib.sh"

size=16 runs=3 method=dump-restore transfer=copy
while [ $# -gt 0 ]; do
  case $1 in
    --size) size=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --method) method=$2; shift 2 ;;
    --transfer) transfer=$2; shift 2 ;;
    *) die "usage: downtime.sh [--size MB] [--runs N] [--method dump-restore|pg-upgrade|logical] [--transfer copy|link]" ;;
  esac
done
case $method in
  dump-restore) plan_options=() ;;
  pg-upgrade) plan_options=(--method pg-upgrade --upgrade-image "${BENCH_UPGRADE_IMAGE:-upshift-testbed/postgres-upgrade:15-to-17}"
                --transfer "$transfer")
              method=pg-upgrade-$transfer ;;
  logical) plan_options=(--method logical --allow-restart) ;;   # the test bed runs wal_level=replica: 2.2 restarts
  *) die "unknown method '$method'" ;;
esac
out="$work/downtime-${method}-${size}mb"
rm -rf "$out" && mkdir -p "$out"
projects=()
trap 'for p in "${projects[@]}"; do stack_down "$p"; done' EXIT

# The H2 console of the jar's own H2 version reads the events.
h2=$(ls "$work"/h2/h2-*.jar 2>/dev/null | head -1 || true)
if [ -z "$h2" ]; then
  [ -f "$repo/shell/target/upshift.jar" ] || "$repo/upshift" help >/dev/null
  mkdir -p "$work/h2" && unzip -o -j -q "$repo/shell/target/upshift.jar" 'BOOT-INF/lib/h2-*.jar' -d "$work/h2"
  h2=$(ls "$work"/h2/h2-*.jar | head -1)
fi

# logical_before_downtime LOG: where logical moves the data, the stack serving — 2.2 wal_level (one restart of the
# old server), 2.3 the replica built, 2.4 its catch-up — and 2.3 + 2.4
logical_before_downtime() {
  jq -r '.[] | select(.step | test("^2[.][234]$")) | "\(.step) \(.started) \(.ended)"' "$1" |
    while read -r step started ended; do echo "before_$step $(secs "$(epoch "$started")" "$(epoch "$ended")")"; done |
    awk '{ print } $1 == "before_2.3" || $1 == "before_2.4" { t += $2 } END { printf "replica_and_catch_up %.2f\n", t }'
}

# upshift_once PROJECT RESULT: plan and run the upgrade of a fresh stack, then reduce its events and execution log
upshift_once() {
  local project=$1 result=$2 dir="$work/$1" home store events first_stop last_stop restored
  projects+=("$project")
  say "upshift: setting up $project (${size} MB)…"
  stack_up "$project" "$dir" "$size"
  home="$dir/home" && mkdir -p "$home"
  store="jdbc:h2:file:$home/store;AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE;WRITE_DELAY=0"
  local size_mb; size_mb=$(db_size_mb "$project-db-1")
  UPSHIFT_HOME="$home" "$repo/upshift" --store "$store" plan --compose "$dir/stack/compose.yml" --service db \
    --to "$target_image" --id bench "${plan_options[@]}" >/dev/null
  say "upshift: running the upgrade of $project…"
  UPSHIFT_HOME="$home" "$repo/upshift" --store "$store" run bench --yes > "$dir/run.txt" \
    || die "upshift run failed on $project (see $dir/run.txt)"
  UPSHIFT_HOME="$home" "$repo/upshift" --store "$store" log bench --json > "$dir/log.json"
  events=$(java -cp "$h2" org.h2.tools.Shell -url "$store" -sql "SELECT payloadType, timeStamp FROM domainevententry
             WHERE aggregateIdentifier = 'bench' ORDER BY globalIndex" | awk -F' *[|] *' 'NR > 1 { sub(/.*[.]/, "", $1); print $1, $2 }')
  first_stop=$(epoch "$(awk '$1 == "ServiceStopped" { print $2; exit }' <<<"$events")")
  last_stop=$(epoch "$(awk '$1 == "ServiceStopped" { t = $2 } END { print t }' <<<"$events")")
  restored=$(epoch "$(awk '$1 == "ServicesRestored" { print $2 }' <<<"$events")")
  # step durations and the gaps between steps, from 3.1 to the last step of Phase 4
  local steps; steps=$(jq -r '.[] | select(.step | test("^[34][.]")) | "\(.step) \(.started) \(.ended)"' "$dir/log.json" |
    while read -r step started ended; do echo "$step $(epoch "$started") $(epoch "$ended")"; done)
  # pg-upgrade has one step more in Phase 3: 3.5 pg_upgrade and 3.6 the new server, where dump-restore's 3.5 does both
  # logical: 3.2 drain, 3.3 compose file, 3.4 stop, 3.5 set aside (no snapshot), 3.6 the replica's volume as the
  # service, 3.7 + 3.8 checks
  awk -v first_stop="$first_stop" -v last_stop="$last_stop" -v restored="$restored" -v size_mb="$size_mb" \
      -v method="$method" '
    { step[NR] = $1; s[NR] = $2; e[NR] = $3; d[$1] = $3 - $2 }
    NR > 1 { gaps += $2 - e[NR - 1] }
    $1 ~ /^4[.]/ { dependents += $3 - $2 }
    END {
      printf "size_mb %s\n", size_mb
      printf "downtime %.2f\n", restored - first_stop
      printf "stop_dependents %.2f\n", last_stop - s[1]
      printf "final_dump %.2f\n", e[1] - last_stop
      if (method == "logical") {
        printf "drain %.2f\n", d["3.2"]
        printf "compose_file %.2f\n", d["3.3"]
        printf "stop_database %.2f\n", d["3.4"]
        printf "set_aside %.2f\n", d["3.5"]
        printf "new_server %.2f\n", d["3.6"]
        printf "checks %.2f\n", d["3.7"] + d["3.8"]
      } else {
        printf "stop_database %.2f\n", d["3.2"]
        printf "snapshot_and_remove %.2f\n", d["3.3"] + d["3.4"]
        pg = method ~ /^pg-upgrade/
        printf "new_server_and_restore %.2f\n", pg ? d["3.5"] + d["3.6"] : d["3.5"]
        printf "checks %.2f\n", pg ? d["3.7"] + d["3.8"] + d["3.9"] : d["3.6"] + d["3.7"]
      }
      printf "dependents_healthy %.2f\n", dependents
      printf "between_steps %.2f\n", gaps
      for (i = 1; i <= NR; i++) printf "step_%s %.2f\n", step[i], e[i] - s[i]
    }' <<<"$steps" > "$result"
  [ "$method" != logical ] || logical_before_downtime "$dir/log.json" >> "$result"
  rm -rf "$dir/stack/backups"   # the dumps (gigabytes at 1.6 GB); run.txt, log.json and the store stay
  stack_down "$project"
}

floor_once() {
  projects+=("$1")
  "$(dirname "$0")/floor.sh" --size "$size" --project "$1" --results "$2" >/dev/null
}

for run in $(seq "$runs"); do
  if [ $((run % 2)) = 1 ]; then
    upshift_once "bench-up-$run" "$out/upshift.$run"; floor_once "bench-fl-$run" "$out/floor.$run"
  else
    floor_once "bench-fl-$run" "$out/floor.$run"; upshift_once "bench-up-$run" "$out/upshift.$run"
  fi
  say "run $run: upshift $(awk '$1 == "downtime" { print $2 }' "$out/upshift.$run") s, floor $(awk '$1 == "downtime" { print $2 }' "$out/floor.$run") s"
done

value() { awk -v k="$1" '$1 == k { print $2 }' "$2"; }
med() { for f in "$out"/"$1".*; do value "$2" "$f"; done | median; }

echo "# Downtime, $method 15 → 17, database of about ${size} MB ($runs runs)"
echo "$(machine)"
echo
for run in $(seq "$runs"); do
  u=$(value downtime "$out/upshift.$run") f=$(value downtime "$out/floor.$run")
  printf '%s\t%s\t%s\t%s\t%s\n' "$run" "$(value size_mb "$out/upshift.$run")" "$u" "$f" "$(ratio "$u" "$f")"
done | table run "size MB" "Upshift s" "floor s" ratio
u=$(med upshift downtime) f=$(med floor downtime)
floor_new_server=$(awk -v a="$(med floor new_server_ready)" -v b="$(med floor restore)" 'BEGIN { printf "%.2f", a + b }')
echo
# dump-restore's and pg-upgrade's target is the floor's; logical's are against figures of other runs (docs/benchmarks.md)
target=" (target ≤ 1.10)"; [ "$method" != logical ] || target=""
echo "Median: Upshift ${u} s, floor ${f} s, ratio $(ratio "$u" "$f")$target."
echo
echo "## Where the time goes (medians, seconds)"
echo
if [ "$method" = logical ]; then
  printf '3.1 stop the dependents\t%s\t%s\n' "$(med upshift stop_dependents)" "$(med floor stop_dependents)"
  printf '3.1 fence and row counts (floor: the final dump)\t%s\t%s\n' "$(med upshift final_dump)" "$(med floor final_dump)"
  printf '3.2 drain: last changes, sequences, replication ended\t%s\t-\n' "$(med upshift drain)"
  printf '3.3 the compose file edited\t%s\t-\n' "$(med upshift compose_file)"
  printf '3.4 stop the database\t%s\t%s\n' "$(med upshift stop_database)" "$(med floor stop_database)"
  printf '3.5 old container set aside\t%s\t-\n' "$(med upshift set_aside)"
  printf "3.6 new server as the service on the replica's volume (floor: new server ready and restored)\t%s\t%s\n" \
    "$(med upshift new_server)" "$floor_new_server"
  printf 'version and integrity checks (3.7, 3.8)\t%s\t-\n' "$(med upshift checks)"
else
  printf 'stop the dependents\t%s\t%s\n' "$(med upshift stop_dependents)" "$(med floor stop_dependents)"
  printf 'fence and final dump (Upshift: pg-upgrade takes none)\t%s\t%s\n' "$(med upshift final_dump)" "$(med floor final_dump)"
  printf 'stop the database\t%s\t%s\n' "$(med upshift stop_database)" "$(med floor stop_database)"
  printf 'new volume, old container removed (3.3, 3.4)\t%s\t-\n' "$(med upshift snapshot_and_remove)"
  printf 'new server ready and restored (3.5; pg-upgrade: pg_upgrade and new server, 3.5, 3.6)\t%s\t%s\n' \
    "$(med upshift new_server_and_restore)" "$floor_new_server"
  printf 'version and integrity checks (3.6, 3.7; pg-upgrade 3.7, 3.8 and 3.9 the collated indexes)\t%s\t-\n' "$(med upshift checks)"
fi | { cat; printf 'dependents started and healthy (Phase 4)\t%s\t%s\n' "$(med upshift dependents_healthy)" "$(med floor dependents_healthy)"
       printf 'between steps (saga, commands, store)\t%s\t-\n' "$(med upshift between_steps)"
       printf '**downtime** (first dependent stopped → last healthy)\t%s\t%s\n' "$u" "$f"; } | table step Upshift floor
if [ "$method" = logical ]; then
  echo
  echo "Before the downtime, the stack serving (medians): 2.2 wal_level $(med upshift before_2.2) s, 2.3 replica built" \
    "$(med upshift before_2.3) s, 2.4 caught up $(med upshift before_2.4) s; 2.3 + 2.4 $(med upshift replica_and_catch_up) s."
fi
echo
echo "Upshift per step (medians): $(for k in $(awk '$1 ~ /^step_/ { print $1 }' "$out/upshift.1"); do
  printf '%s %s s; ' "${k#step_}" "$(med upshift "$k")"; done)"
echo "Floor per step (medians): $(for k in new_server_ready restore of_which_db_healthy of_which_api_healthy of_which_web_and_worker_healthy; do
  printf '%s %s s; ' "$k" "$(med floor "$k")"; done)"
echo "Raw results: $out"
