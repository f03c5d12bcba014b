#!/usr/bin/env bash
# Wall time and peak RSS of one-shot `upshift status ID` and `upshift log ID`, cold (a new JVM each time), from
# the launcher, against a store holding a finished upgrade; measured with /usr/bin/time -v.
#
#   bench/cli-latency.sh [--runs N] [--compare [REF] | --ablation [REF]] [--fresh]
#
# --runs N       repetitions of each command, interleaved (default 5); the table gives medians
# --compare REF  also measures, in the same run and interleaved, the jar built from git REF (default f0bcd84, before
#                the start-up work) started as that launcher did, and today's jar without the class-data archive
#                (UPSHIFT_CDS=off): the ratios to the baseline are what the start-up work bought
# --ablation REF one idea at a time, cumulatively, from REF's jar to today's launcher (system properties undo the
#                read-only profile and the exclusions, which are configuration)
# --fresh        make the store again (the first time, a sample stack is upgraded under project bench-cli: ~1 min)
source "$(dirname "$0")/lib.sh"

runs=5 compare="" mode=launcher fresh=false
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --compare|--ablation) mode=${1#--} compare=f0bcd84
      if [ $# -gt 1 ] && [[ $2 != --* ]]; then compare=$2; shift; fi; shift ;;
    --fresh) fresh=true; shift ;;
    *) die "usage: cli-latency.sh [--runs N] [--compare [REF] | --ablation [REF]] [--fresh]" ;;
  esac
done
[ -x /usr/bin/time ] || die "needs GNU time: apt-get install -y time"
dir="$work/cli" home="$work/cli/home" id=bench-cli
store="jdbc:h2:file:$home/store;AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE;WRITE_DELAY=0"

# The store: one real upgrade of the sample stack, which is removed afterwards (the store keeps its events).
if $fresh || [ ! -f "$home/store.mv.db" ]; then
  trap 'stack_down bench-cli' EXIT
  say "cli-latency: making a store with a finished upgrade (project bench-cli)…"
  rm -rf "$dir" && stack_up bench-cli "$dir/stack-copy" 16 && mkdir -p "$home"
  UPSHIFT_HOME="$home" "$repo/upshift" --store "$store" plan --compose "$dir/stack-copy/stack/compose.yml" \
    --service db --to "$target_image" --id "$id" >/dev/null
  UPSHIFT_HOME="$home" "$repo/upshift" --store "$store" run "$id" --yes >/dev/null || die "the upgrade failed"
  stack_down bench-cli
  trap - EXIT
fi

# The first command after a build prepares the launcher's archive; it is timed once, apart from the cold runs.
first=""
if [ ! -d "$repo/shell/target/cds" ] || [ -z "$(ls -A "$repo/shell/target/cds" 2>/dev/null)" ]; then
  first=$( { /usr/bin/time -f '%e' env UPSHIFT_HOME="$home" "$repo/upshift" --store "$store" status "$id" >/dev/null; } 2>&1 | tail -1)
else
  UPSHIFT_HOME="$home" "$repo/upshift" --store "$store" status "$id" >/dev/null   # makes sure the archive is there
fi

variants=(launcher)
commands=(status log)
if [ -n "$compare" ]; then
  base="$work/base-$compare"
  if [ ! -f "$base/shell/target/upshift.jar" ]; then
    say "cli-latency: building $compare in $base (offline, package only)…"
    rm -rf "$base" && mkdir -p "$base" && git -C "$repo" archive "$compare" | tar -x -C "$base"
    (cd "$base" && mvn -q -B -o -DskipTests package >&2)
  fi
  variants=(baseline no-archive launcher)
fi
if [ "$mode" = ablation ]; then
  variants=(baseline all-off +read-only +exclusions +extracted +archive launcher)
  commands=(status)
  cds=$(ls -td "$repo"/shell/target/cds/*/ | head -1)
  [ -f "$cds/upshift.jsa" ] || die "the launcher made no class-data archive (see $cds)"
fi

# measure VARIANT COMMAND: one cold run; prints "wall rss_mb cpu"
measure() {
  local variant=$1 command=$2 report="$dir/time.txt" java=(java -Daxoniq.update-checker.disabled=true -XX:TieredStopAtLevel=1)
  local jar="$repo/shell/target/upshift.jar" undo_profile=(-Dspring.main.lazy-initialization=false
    -Dupshift.event-processors.auto-start=true -Dspring.datasource.hikari.maximum-pool-size=10) undo_exclusions=(-Dspring.autoconfigure.exclude=)
  case $variant in
    baseline) UPSHIFT_HOME="$home" /usr/bin/time -v -o "$report" "${java[@]}" \
                -jar "$base/shell/target/upshift.jar" --store "$store" "$command" "$id" >/dev/null ;;
    no-archive) UPSHIFT_HOME="$home" UPSHIFT_CDS=off /usr/bin/time -v -o "$report" "$repo/upshift" --store "$store" "$command" "$id" >/dev/null ;;
    launcher) UPSHIFT_HOME="$home" /usr/bin/time -v -o "$report" "$repo/upshift" --store "$store" "$command" "$id" >/dev/null ;;
    all-off) UPSHIFT_HOME="$home" /usr/bin/time -v -o "$report" "${java[@]}" "${undo_profile[@]}" "${undo_exclusions[@]}" \
               -jar "$jar" --store "$store" "$command" "$id" >/dev/null ;;
    +read-only) UPSHIFT_HOME="$home" /usr/bin/time -v -o "$report" "${java[@]}" "${undo_exclusions[@]}" \
               -jar "$jar" --store "$store" "$command" "$id" >/dev/null ;;
    +exclusions) UPSHIFT_HOME="$home" /usr/bin/time -v -o "$report" "${java[@]}" -jar "$jar" --store "$store" "$command" "$id" >/dev/null ;;
    +extracted) UPSHIFT_HOME="$home" /usr/bin/time -v -o "$report" "${java[@]}" -jar "$cds/app/upshift.jar" --store "$store" "$command" "$id" >/dev/null ;;
    +archive) UPSHIFT_HOME="$home" /usr/bin/time -v -o "$report" "${java[@]}" -XX:SharedArchiveFile="$cds/upshift.jsa" \
               -jar "$cds/app/upshift.jar" --store "$store" "$command" "$id" >/dev/null ;;
  esac
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); wall = (n == 3 ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2]) }
              /Maximum resident set size/ { rss = $2 / 1024 }
              /User time/ { cpu += $2 } /System time/ { cpu += $2 }
              END { printf "%.2f %.0f %.2f\n", wall, rss, cpu }' "$report"
}

mkdir -p "$dir/runs" && rm -f "$dir"/runs/*
say "cli-latency: $runs cold runs of each command per variant (${variants[*]}), interleaved…"
for run in $(seq "$runs"); do
  for command in "${commands[@]}"; do
    for variant in "${variants[@]}"; do
      measure "$variant" "$command" >> "$dir/runs/$variant.$command"
    done
  done
done

col() { awk -v c="$1" '{ print $c }' "$dir/runs/$2.$3" | median; }
echo "# CLI latency: one-shot commands, cold, $runs runs each (medians)"
echo "$(machine)"
echo
for variant in "${variants[@]}"; do
  for command in "${commands[@]}"; do
    row="$variant\tupshift $command ID\t$(col 1 "$variant" "$command")\t$(col 2 "$variant" "$command")\t$(col 3 "$variant" "$command")"
    if [ -n "$compare" ]; then row="$row\t$(ratio "$(col 1 "$variant" "$command")" "$(col 1 baseline "$command")")"; fi
    printf "$row\t%s\n" "$(awk '{ printf "%s ", $1 }' "$dir/runs/$variant.$command")"
  done
done | if [ -n "$compare" ]; then
  table variant command "wall s" "peak RSS MB" "CPU s" "wall / baseline" "every wall s"
else
  table variant command "wall s" "peak RSS MB" "CPU s" "every wall s"
fi
echo
echo "Targets: wall ≤ 2.5 s, peak RSS ≤ 300 MB (the launcher row)."
[ -z "$first" ] || echo "First command after a build (prepares the class-data archive once): ${first} s."
[ -z "$compare" ] || echo "baseline = java -jar of $compare's upshift.jar as its launcher ran it; no-archive = today's launcher with UPSHIFT_CDS=off."
[ "$mode" != ablation ] || echo "Cumulative: all-off = today's fat jar with the read-only profile and the exclusions undone (the Docker client is built lazily in every variant but the baseline); +read-only = lazy beans, no event processors, 2 connections; +exclusions = the unused auto-configurations left out; +extracted = the jar extracted (java -Djarmode=tools extract); +archive = with the launcher's class-data archive; launcher = plus serial GC and -Xmn24m, through ./upshift."
