-- Fills the sample stack's schema until the database (pg_database_size) reaches :target_mb megabytes, the way
-- a living makapix grows: mostly events (site_events, view_events), then comments, then posts — which carry the
-- trigram index. One commit per batch (about 4 MB, 1 MB near the target); run as the owner:
--   docker exec -i CONTAINER psql -U owner -d makapix -v target_mb=160 -f - < bench/fill.sql
\set ON_ERROR_STOP on
SELECT set_config('bench.target_mb', :'target_mb', false);

DO $fill$
DECLARE
    target  bigint   := current_setting('bench.target_mb')::bigint * 1024 * 1024;
    authors bigint[] := array(SELECT id FROM users ORDER BY id);
    n       int      := array_length(authors, 1);
    first   bigint;
    k       int;
BEGIN
    WHILE pg_database_size(current_database()) < target LOOP
        k := CASE WHEN target - pg_database_size(current_database()) > 32 * 1024 * 1024 THEN 4 ELSE 1 END;
        SELECT coalesce(max(id), 0) + 1 INTO first FROM posts;
        INSERT INTO posts (owner_id, title, description, art_url, width, height, category, created_at)
        SELECT authors[1 + g % n],
               (ARRAY['Sunset over', 'Tiny knight in', 'Neon cat of', 'Rainy street in', 'Dragon above'])[1 + g % 5]
                   || ' ' || (ARRAY['the harbor', 'Pixelton', 'the old forest', 'Makapix city'])[1 + g % 4] || ' #' || g,
               'A ' || (16 * (1 + g % 4)) || 'x' || (16 * (1 + g % 4)) || ' piece, generated for the benchmarks',
               'https://cdn.makapix.test/art/' || g || '.png',
               16 * (1 + g % 4), 16 * (1 + g % 4),
               (ARRAY['art', 'animation', 'tileset'])[1 + g % 3],
               now() - (g % 1000) * interval '1 hour'
        FROM generate_series(first, first + 100 * k - 1) AS g;

        INSERT INTO comments (post_id, author_id, body, created_at)
        SELECT p.id, authors[1 + (p.id + c) % n],
               'Comment ' || c || ' on #' || p.id || ': ' || repeat(md5((p.id * 7 + c)::text), 2),
               p.created_at + c * interval '1 minute'
        FROM posts p, generate_series(1, 5) AS c
        WHERE p.id >= first;

        INSERT INTO view_events (target_type, target_id, viewer_id, viewed_at)
        SELECT 'post', first + g % (100 * k), authors[1 + g % n], now() - g * interval '1 second'
        FROM generate_series(1, 3000 * k) AS g;

        INSERT INTO site_events (event_type, source, payload, created_at)
        SELECT (ARRAY['page.view', 'post.like', 'user.login', 'search'])[1 + g % 4], 'bench-fill',
               jsonb_build_object('n', g, 'post', first + g % (100 * k), 'agent', 'Mozilla/5.0 (X11; Linux x86_64) bench',
                                  'ref', md5(g::text)),
               now() - g * interval '1 second'
        FROM generate_series(1, 2000 * k) AS g;
        COMMIT;
    END LOOP;
END
$fill$;

SELECT pg_size_pretty(pg_database_size(current_database())) AS size,
       (SELECT count(*) FROM posts) AS posts, (SELECT count(*) FROM comments) AS comments,
       (SELECT count(*) FROM view_events) AS view_events, (SELECT count(*) FROM site_events) AS site_events;
