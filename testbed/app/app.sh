#!/usr/bin/env bash
# The sample stack's api, worker and web services: busybox httpd and psql driven by bash.
# Connection settings come from the environment (PGHOST, PGUSER, PGPASSWORD, PGDATABASE).
set -uo pipefail

# bash as PID 1 ignores SIGTERM unless trapped; children run in the background behind `wait`,
# which a trapped signal interrupts at once, so `docker stop` takes well under a second.
trap 'exit 0' TERM INT
heartbeat=/tmp/worker.last-commit

case "${1:-}" in
  api) httpd -f -p 8000 -h /app/api & wait $! ;;
  web) httpd -f -p 8080 -h /app/web & wait $! ;;
  worker)
    # One autocommit insert per ~100 ms; a line on stdout only for a row that really committed.
    # SIGTERM ends the loop after the current insert, so every committed row is reported.
    stopping=false
    trap 'stopping=true' TERM INT
    until $stopping; do
      if id=$(psql -qtAX -v ON_ERROR_STOP=1 -c "insert into site_events (event_type, source, payload)
                 values ('worker.tick', '${HOSTNAME:-worker}', jsonb_build_object('at', clock_timestamp())) returning id"); then
        echo "committed $id"
        touch "$heartbeat"
      else
        echo "$(date -u '+%F %T') insert failed; retrying" >&2
      fi
      sleep 0.1 & wait $!
    done
    exit 0 ;;
  worker-healthy) [ -e "$heartbeat" ] && (( $(date +%s) - $(stat -c %Y "$heartbeat") < 5 )) ;;
  *) echo "usage: app.sh api|worker|web|worker-healthy" >&2; exit 2 ;;
esac
