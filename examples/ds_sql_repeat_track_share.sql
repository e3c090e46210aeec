-- Daily share of Daily Mix plays that repeat a track the same listener played in the 7 days before
-- (ds-sql-repeat-track-share). For each play, a window over the listener's plays of that track finds
-- the latest play strictly before it, on any surface; a first listen has none and is not a repeat.
-- Exactly 7 days before still counts. The frame ends one microsecond (TIMESTAMP's resolution) before
-- the current row, so a duplicate logged at the same moment is never its own "previous" play, and
-- the answer does not depend on how ties happen to be ordered. One sort per (user_id, track_id)
-- partition, then a scan.
WITH plays_with_prev AS (
  SELECT
    user_id,
    track_id,
    surface,
    played_at,
    MAX(played_at) OVER (
      PARTITION BY user_id, track_id
      ORDER BY played_at
      RANGE BETWEEN UNBOUNDED PRECEDING AND INTERVAL 1 MICROSECOND PRECEDING
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
