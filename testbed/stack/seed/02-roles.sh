#!/usr/bin/env bash
# api_worker: the application's login, limited to reading and writing rows.
# Its password comes from the environment (db.env), never from a file in this directory.
set -euo pipefail
: "${API_WORKER_PASSWORD:?API_WORKER_PASSWORD must be set (db.env)}"
psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     --set pw="$API_WORKER_PASSWORD" --set db="$POSTGRES_DB" <<'SQL'
CREATE ROLE api_worker LOGIN PASSWORD :'pw';
GRANT CONNECT ON DATABASE :"db" TO api_worker;
GRANT USAGE ON SCHEMA public TO api_worker;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO api_worker;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO api_worker;
SQL
