#!/usr/bin/env bash
# Issue #5, measurement 3: projection rebuild. Events per second of `upshift rebuild` over a store of EVENTS
# events, against the raw read rate of the event table, REPS repetitions interleaved (raw read, start-up, rebuild)
# so that the ratio is taken under the same load; medians reported.
#
#   bench/rebuild.sh                    # 100 000 events, 3 repetitions
#   EVENTS=10000 bench/rebuild.sh       # a smaller store
#   STORE_DIR=/tmp/x SKIP_BUILD=1 bench/rebuild.sh
#   REBUILD_JAVA_OPTS="-D..." bench/rebuild.sh   # the same store, the app with other settings
#
# The store is generated once per STORE_DIR through the real application context (RebuildStoreGenerator, a
# test-scoped main of the shell module: the real commands, aggregate, serializer and event table), then reused.
set -euo pipefail
cd "$(dirname "$0")/.."

EVENTS=${EVENTS:-100000}
REPS=${REPS:-3}
THREADS=${THREADS:-2}
STORE_DIR=${STORE_DIR:-${TMPDIR:-/tmp}/upshift-rebuild-bench-$EVENTS}
STORE="jdbc:h2:file:$STORE_DIR/store;AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE;WRITE_DELAY=0"
JAR=shell/target/upshift.jar
# extra JVM options for the `list` and `rebuild` runs, e.g. -Daxon.eventhandling.processors.ReadModel_X.batch-size=200
REBUILD_JAVA_OPTS=${REBUILD_JAVA_OPTS:-}
mkdir -p "$STORE_DIR"

if [[ ${SKIP_BUILD:-0} != 1 || ! -f $STORE_DIR/cp.txt ]]; then
    mvn -q -B -o -DskipTests package dependency:build-classpath \
        -Dmdep.outputFile="$STORE_DIR/cp.txt" -Dmdep.includeScope=test
fi
CP="shell/target/classes:shell/target/test-classes:$(cat "$STORE_DIR/cp.txt")"

if [[ ! -f $STORE_DIR/store.mv.db ]]; then
    echo "generating $EVENTS events in $STORE_DIR ..." >&2
    # The fixture's own durability does not matter: the generator writes with H2's default write delay.
    java -cp "$CP" dev.upshift.bench.RebuildStoreGenerator "jdbc:h2:file:$STORE_DIR/store" "$STORE_DIR" \
        "$EVENTS" "$THREADS" >&2
fi

export UPSHIFT_HOME=$STORE_DIR   # the log file; the store is given by --store
now() { echo "$EPOCHREALTIME"; }

results=${RESULTS:-$STORE_DIR/results.tsv}
printf 'rep\tevents\traw_s\tlist_s\trebuild_wall_s\trebuild_span_s\n' > "$results"
for rep in $(seq 1 "$REPS"); do
    # (a) raw read: one pass over every row, timed inside the JVM (start-up and connection excluded)
    read -r events raw_s _ < <(java -cp "$CP" dev.upshift.bench.RawEventRead "$STORE")
    # start-up and shutdown of a command that replays nothing
    t0=$(now); java $REBUILD_JAVA_OPTS -jar "$JAR" --store "$STORE" list > /dev/null; t1=$(now)
    list_s=$(echo "$t1 - $t0" | bc -l)
    # (b) rebuild: wall time, and the span from its first progress line to its result line
    t0=$(now)
    java $REBUILD_JAVA_OPTS -jar "$JAR" --store "$STORE" rebuild | while IFS= read -r line; do echo "$(now) $line"; done \
        > "$STORE_DIR/rebuild-$rep.log"
    t1=$(now)
    wall_s=$(echo "$t1 - $t0" | bc -l)
    first=$(awk '/Replaying: 0 of/ {print $1; exit}' "$STORE_DIR/rebuild-$rep.log")
    last=$(awk '/events replayed into/ {print $1}' "$STORE_DIR/rebuild-$rep.log")
    grep -q "$events events replayed" "$STORE_DIR/rebuild-$rep.log" \
        || { echo "rebuild $rep did not replay $events events:" >&2; cat "$STORE_DIR/rebuild-$rep.log" >&2; exit 1; }
    span_s=$(echo "$last - $first" | bc -l)
    printf '%s\t%s\t%.3f\t%.3f\t%.3f\t%.3f\n' "$rep" "$events" "$raw_s" "$list_s" "$wall_s" "$span_s" >> "$results"
done

echo "machine: $(nproc) cores, $(free -h | awk '/^Mem:/ {print $2 " RAM, " $7 " available"}'), load $(cut -d' ' -f1-3 /proc/loadavg)"
awk -F'\t' '
function median(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
                                   return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
NR == 1 { next }
{ n++; ev = $2; raw[n] = $2 / $3; reb[n] = $5 - $4; rebr[n] = $2 / ($5 - $4); span[n] = $6; spanr[n] = $2 / $6
  ratio[n] = ($2 / ($5 - $4)) / ($2 / $3); sratio[n] = ($2 / $6) / ($2 / $3)
  printf "rep %d: raw %.3f s, list start-up %.2f s, rebuild wall %.2f s (minus start-up %.2f s), progress span %.2f s\n", $1, $3, $4, $5, $5 - $4, $6 }
END {
  printf "\n| events | raw read events/s | rebuild events/s | ratio | rebuild s |\n|---:|---:|---:|---:|---:|\n"
  printf "| %d | %.0f | %.0f (wall − start-up) | %.4f | %.1f |\n", ev, median(raw, n), median(rebr, n), median(ratio, n), median(reb, n)
  printf "| %d | %.0f | %.0f (progress span) | %.4f | %.1f |\n", ev, median(raw, n), median(spanr, n), median(sratio, n), median(span, n)
  printf "\nmedians of %d repetitions; raw results in '"$results"'\n", n }' "$results"
