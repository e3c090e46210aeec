-- Weekly Daily Mix churn: of the listeners who played any Daily Mix in a calendar week
-- (Monday to Sunday), the share who played none in the following week.
-- A week is reported only when the data reaches the end of the week after it, so the latest
-- weeks never look inflated. The horizon is the last day present in `plays`.
-- Cost: one scan of `plays` plus a hash self-join on (user_id, week): O(P + L) time for P plays
-- and L listener-weeks, O(L) memory.
WITH weekly AS (
  SELECT DISTINCT
    user_id,
    CAST(DATE_TRUNC('week', played_at) AS DATE) AS week
  FROM plays
  WHERE surface = 'daily_mix'
),
horizon AS (
  SELECT CAST(MAX(played_at) AS DATE) AS last_day
  FROM plays
)
SELECT
  cur.week,
  COUNT(*) AS listeners,
  AVG(CASE WHEN nxt.user_id IS NULL THEN 1.0 ELSE 0.0 END) AS churn_rate
FROM weekly AS cur
CROSS JOIN horizon
LEFT JOIN weekly AS nxt
  ON nxt.user_id = cur.user_id
 AND nxt.week = cur.week + 7
WHERE cur.week + 13 <= horizon.last_day
GROUP BY cur.week
ORDER BY cur.week;
