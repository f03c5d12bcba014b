-- Sample data with the runbook's figures: 18 users, 37 posts, alembic at 20251214000000.
INSERT INTO alembic_version (version_num) VALUES ('20251214000000');

INSERT INTO users (handle, email, display_name, password_hash, bio, reputation, is_admin, created_at)
SELECT 'pixel' || lpad(g::text, 2, '0'),
       'pixel' || g || '@makapix.test',
       'Pixel Artist ' || g,
       crypt('user-' || g, gen_salt('bf', 4)),   -- pgcrypto at work, cheap rounds
       'Making art one pixel at a time (#' || g || ')',
       g * 10,
       g = 1,
       timestamptz '2025-01-01' + g * interval '3 days'
FROM generate_series(1, 18) AS g;

INSERT INTO posts (owner_id, title, description, art_url, width, height, transparency_metadata, category, created_at)
SELECT (g - 1) % 18 + 1,
       (ARRAY['Sunset over', 'Tiny knight in', 'Neon cat of', 'Rainy street in', 'Dragon above'])[(g - 1) % 5 + 1]
         || ' ' || (ARRAY['the harbor', 'Pixelton', 'the old forest', 'Makapix city'])[(g - 1) % 4 + 1] || ' #' || g,
       'A ' || (16 * (1 + g % 4)) || 'x' || (16 * (1 + g % 4)) || ' piece',
       'https://cdn.makapix.test/art/' || g || '.png',
       16 * (1 + g % 4), 16 * (1 + g % 4),
       CASE WHEN g % 3 = 0 THEN jsonb_build_object('has_alpha', true, 'alpha_values', jsonb_build_array(0, 255)) END,
       (ARRAY['art', 'animation', 'tileset'])[(g - 1) % 3 + 1],
       timestamptz '2025-03-01' + g * interval '1 day'
FROM generate_series(1, 37) AS g;

INSERT INTO auth_identities (user_id, provider, provider_user_id)
SELECT g, CASE WHEN g % 2 = 0 THEN 'github' ELSE 'google' END, 'ext-' || (1000 + g)
FROM generate_series(1, 18) AS g;
INSERT INTO github_installations (user_id, installation_id, account_login)
SELECT g, 5000000 + g, 'pixel' || lpad(g::text, 2, '0') FROM generate_series(2, 18, 2) AS g;
INSERT INTO refresh_tokens (user_id, token_hash, expires_at)
SELECT (g - 1) % 18 + 1, encode(digest('refresh-' || g, 'sha256'), 'hex'), now() + interval '30 days'
FROM generate_series(1, 24) AS g;
INSERT INTO email_verification_tokens (user_id, token_hash, expires_at, used_at)
SELECT g, encode(digest('verify-' || g, 'sha256'), 'hex'), now() + interval '1 day', now()
FROM generate_series(1, 18) AS g;
INSERT INTO password_reset_tokens (user_id, token_hash, expires_at)
SELECT g, encode(digest('reset-' || g, 'sha256'), 'hex'), now() + interval '1 hour'
FROM generate_series(1, 3) AS g;

INSERT INTO follows (follower_id, followee_id)
SELECT (g - 1) % 18 + 1, ((g - 1) % 18 + 1 + (g - 1) / 18) % 18 + 1
FROM generate_series(1, 30) AS g;
INSERT INTO category_follows (user_id, category)
SELECT (g - 1) % 18 + 1, (ARRAY['art', 'animation', 'tileset'])[(g - 1) / 18 + 1]
FROM generate_series(1, 25) AS g;
INSERT INTO badge_grants (user_id, badge) SELECT g, 'early-adopter' FROM generate_series(1, 10) AS g;
INSERT INTO reputation_history (user_id, delta, reason)
SELECT (g - 1) % 18 + 1, 5, 'post reacted' FROM generate_series(1, 40) AS g;

INSERT INTO comments (post_id, author_id, body)
SELECT (g - 1) % 37 + 1, (g * 7) % 18 + 1, 'Lovely palette! (' || g || ')'
FROM generate_series(1, 60) AS g;
INSERT INTO reactions (post_id, user_id, emoji)
SELECT (g - 1) % 37 + 1, (g - 1) % 18 + 1, (ARRAY['heart', 'fire', 'star', 'pixel'])[(g - 1) % 4 + 1]
FROM generate_series(1, 80) AS g;
INSERT INTO reports (reporter_id, target_type, target_id, reason)
VALUES (3, 'post', 5, 'spam'), (7, 'comment', 12, 'rude'), (9, 'post', 30, 'stolen art');
INSERT INTO conformance_checks (post_id, check_name, passed)
SELECT g, 'dimensions', true FROM generate_series(1, 37) AS g;

INSERT INTO playlists (owner_id, title) SELECT g, 'Favourites of pixel' || lpad(g::text, 2, '0') FROM generate_series(1, 5) AS g;
INSERT INTO playlist_items (playlist_id, post_id, position)
SELECT (g - 1) / 3 + 1, (g * 5) % 37 + 1, (g - 1) % 3 + 1 FROM generate_series(1, 15) AS g;
INSERT INTO playlist_posts (post_id, playlist_id) VALUES (36, 1), (37, 2);
INSERT INTO players (owner_id, name, last_seen_at) SELECT g, 'Living-room display ' || g, now() FROM generate_series(1, 3) AS g;
INSERT INTO player_command_logs (player_id, command, payload, status)
SELECT (g - 1) % 3 + 1, 'show_artwork', jsonb_build_object('post_id', g), 'acked' FROM generate_series(1, 10) AS g;
INSERT INTO relay_jobs (kind, payload, status) SELECT 'push_to_player', jsonb_build_object('player_id', g), 'done' FROM generate_series(1, 3) AS g;

INSERT INTO blog_posts (owner_id, title, body, published_at)
SELECT 1, 'Makapix dev log #' || g, 'What changed this month.', now() - g * interval '7 days' FROM generate_series(1, 4) AS g;
INSERT INTO blog_post_comments (blog_post_id, author_id, body) SELECT (g - 1) % 4 + 1, g + 1, 'Nice update!' FROM generate_series(1, 6) AS g;
INSERT INTO blog_post_reactions (blog_post_id, user_id, emoji) SELECT (g - 1) % 4 + 1, g, 'heart' FROM generate_series(1, 8) AS g;
INSERT INTO blog_post_view_events (blog_post_id, viewer_id) SELECT (g - 1) % 4 + 1, (g - 1) % 18 + 1 FROM generate_series(1, 20) AS g;
INSERT INTO blog_post_stats_daily (blog_post_id, day, views) SELECT g, current_date - 1, 5 FROM generate_series(1, 4) AS g;

INSERT INTO post_view_events (post_id, viewer_id, ip_hash, user_agent, viewed_at)
SELECT (g - 1) % 37 + 1, CASE WHEN g % 4 = 0 THEN NULL ELSE (g - 1) % 18 + 1 END,
       encode(digest('ip-' || (g % 50), 'sha256'), 'hex'), 'Mozilla/5.0', now() - g * interval '17 minutes'
FROM generate_series(1, 200) AS g;
INSERT INTO view_events (target_type, target_id, viewer_id) SELECT 'profile', (g - 1) % 18 + 1, NULL FROM generate_series(1, 20) AS g;
INSERT INTO post_view_hourly_rollups (post_id, hour, views)
SELECT post_id, date_trunc('hour', viewed_at), count(*) FROM post_view_events GROUP BY 1, 2;
INSERT INTO post_view_daily_rollups (post_id, day, views)
SELECT post_id, viewed_at::date, count(*) FROM post_view_events GROUP BY 1, 2;
INSERT INTO post_stats_daily (post_id, day, views) SELECT post_id, day, views FROM post_view_daily_rollups;
INSERT INTO post_engagement_rollups (post_id, period_start, views)
SELECT post_id, date_trunc('week', viewed_at)::date, count(*) FROM post_view_events GROUP BY 1, 2;
INSERT INTO post_stats_cache (post_id, views, reactions, comments)
SELECT p.id,
       (SELECT count(*) FROM post_view_events v WHERE v.post_id = p.id),
       (SELECT count(*) FROM reactions r WHERE r.post_id = p.id),
       (SELECT count(*) FROM comments c WHERE c.post_id = p.id)
FROM posts p;
INSERT INTO site_stats_daily (day, visitors, page_views, signups)
SELECT current_date - g, 40 + g, 300 + 7 * g, g % 3 FROM generate_series(1, 30) AS g;
INSERT INTO site_events (event_type, source, payload)
SELECT 'seed', 'seed', jsonb_build_object('n', g) FROM generate_series(1, 10) AS g;

INSERT INTO admin_notes (user_id, author_id, note) VALUES (5, 1, 'Asked to credit the original artist.');
INSERT INTO audit_logs (actor_id, action, target_type, target_id, details)
SELECT 1, 'post.moderated', 'post', g, jsonb_build_object('visible', true) FROM generate_series(1, 20) AS g;

ANALYZE;
