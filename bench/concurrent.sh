#!/usr/bin/env bash
# Upgrades side by side: N copies of the sample stack upgraded at once by N one-shot `upshift run` processes on one
# default (H2) store, against one stack alone. Prints, per N, the wall time until all are done and each upgrade's
# downtime (first ServiceStopped → ServicesRestored, from the events), medians over the runs, and the ratios to N=1.
#
#   bench/concurrent.sh [--stacks "1 2 4"] [--size MB] [--runs N]     # 16 MB, 3 runs by default
source "$(dirname "$0")/lib.sh"
counts="1 2 4" size=16 runs=3
while [ $# -gt 0 ]; do
  case $1 in
    --stacks) counts=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) die "usage: concurrent.sh [--stacks \"1 2 4\"] [--size MB] [--runs N]" ;;
  esac
done
out="$work/concurrent"
rm -rf "$out" && mkdir -p "$out"
projects=()
trap 'for p in "${projects[@]}"; do stack_down "$p"; done' EXIT
[ -f "$repo/shell/target/upshift.jar" ] || "$repo/upshift" help >/dev/null
mkdir -p "$work/h2" && unzip -o -j -q "$repo/shell/target/upshift.jar" 'BOOT-INF/lib/h2-*.jar' -d "$work/h2"
h2=$(ls "$work"/h2/h2-*.jar | head -1)

# downtime STORE ID: seconds from the upgrade's first ServiceStopped to its ServicesRestored
downtime() {
  java -cp "$h2" org.h2.tools.Shell -url "$1" -sql "SELECT payloadType, timeStamp FROM domainevententry
      WHERE aggregateIdentifier = '$2' ORDER BY globalIndex" | awk -F' *[|] *' 'NR > 1 && NF == 2 { sub(/.*[.]/, "", $1); print $1, $2 }' |
    while read -r type at; do echo "$type $(epoch "$at")"; done |
    awk '$1 == "ServiceStopped" && !s { s = $2 } $1 == "ServicesRestored" { r = $2 } END { printf "%.2f", r - s }'
}

echo "$(machine)" >&2
for run in $(seq "$runs"); do
  for n in $counts; do
    dir="$out/$n-$run" home="$out/$n-$run/home"
    mkdir -p "$home"
    store="jdbc:h2:file:$home/store;AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE;WRITE_DELAY=0"
    for i in $(seq "$n"); do
      project="bench-cc-$i" && projects+=("$project")
      stack_up "$project" "$dir/$i" "$size"
      UPSHIFT_HOME="$home" "$repo/upshift" --store "$store" plan --compose "$dir/$i/stack/compose.yml" \
        --to "$target_image" --id "cc-$i" >/dev/null
    done
    say "run $run: $n upgrade(s) at once…"
    started=$(now) pids=()
    for i in $(seq "$n"); do
      UPSHIFT_HOME="$home" "$repo/upshift" --store "$store" run "cc-$i" --yes > "$dir/run-$i.txt" 2>&1 & pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid" || die "an upgrade failed (see $dir/run-*.txt)"; done
    wall=$(secs "$started" "$(now)")
    downtimes=$(for i in $(seq "$n"); do downtime "$store" "cc-$i"; echo; done)
    for i in $(seq "$n"); do rm -rf "$dir/$i/stack/backups"; stack_down "bench-cc-$i"; done
    printf '%s\t%s\t%s\t%s\n' "$n" "$run" "$wall" "$(tr '\n' ' ' <<<"$downtimes")" | tee -a "$out/rows.tsv" >&2
  done
done

one_wall=$(awk '$1 == 1 { print $3 }' "$out/rows.tsv" | median)
one_down=$(awk '$1 == 1 { for (i = 4; i <= NF; i++) print $i }' "$out/rows.tsv" | median)
for n in $counts; do
  wall=$(awk -v n="$n" '$1 == n { print $3 }' "$out/rows.tsv" | median)
  down=$(awk -v n="$n" '$1 == n { for (i = 4; i <= NF; i++) print $i }' "$out/rows.tsv" | median)
  worst=$(awk -v n="$n" '$1 == n { for (i = 4; i <= NF; i++) print $i }' "$out/rows.tsv" | sort -g | tail -1)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$wall" "$(ratio "$wall" "$one_wall")" "$down" "$worst" "$(ratio "$down" "$one_down")"
done | table "stacks at once" "wall s (median)" "wall / one stack" "downtime s (median)" "downtime s (worst)" "downtime / one stack"
