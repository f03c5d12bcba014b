-- What one pass of the integrity check costs the server: count(*) of every user table, five times over, each pass's
-- total rows and milliseconds printed as a NOTICE. On a stack that bench/lib.sh's stack_up filled, e.g.:
--   docker exec -i bench-probe-db-1 psql -U owner -d makapix -f - < bench/count-pass.sql
DO $passes$
DECLARE
    t       record;
    n       bigint;
    total   bigint;
    started timestamptz;
BEGIN
    FOR pass IN 1..5 LOOP
        total := 0;
        started := clock_timestamp();
        FOR t IN SELECT schemaname, relname FROM pg_stat_user_tables LOOP
            EXECUTE format('SELECT count(*) FROM %I.%I', t.schemaname, t.relname) INTO n;
            total := total + n;
        END LOOP;
        RAISE NOTICE 'pass %: % rows in % ms', pass, total,
            round(extract(epoch FROM clock_timestamp() - started) * 1000);
    END LOOP;
END $passes$;
