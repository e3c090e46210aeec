-- Daily share of Daily Mix plays that repeat a track the same listener played in the 7 days before
-- (ds-sql-repeat-track-share). LAG over each listener's plays of one track finds the previous play
-- on any surface; a first listen has no previous play and counts as not a repeat. Exactly 7 days
-- before still counts. One sort per (user_id, track_id) partition, then a scan.
WITH plays_with_prev AS (
  SELECT
    user_id,
    track_id,
    surface,
    played_at,
    LAG(played_at) OVER (
      PARTITION BY user_id, track_id
      ORDER BY played_at
    ) AS prev_played_at
  FROM plays
)
SELECT
  CAST(played_at AS DATE) AS play_date,
  AVG(CASE WHEN prev_played_at >= played_at - INTERVAL '7 days'
           THEN 1.0 ELSE 0.0 END) AS repeat_share
FROM plays_with_prev
WHERE surface = 'daily_mix'
GROUP BY CAST(played_at AS DATE)
ORDER BY play_date;
