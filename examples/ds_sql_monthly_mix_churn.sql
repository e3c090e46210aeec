-- Monthly Daily Mix lapse rate (ds-sql-monthly-mix-churn): of the listeners who played Daily Mix in
-- a calendar month, the share who played none in the following month. Distinct listener-months
-- first, so a second play is still one listener; a left join to the next month finds who came back.
-- A month is reported only when the month after it is complete (it ends before the current month).
WITH monthly AS (
  SELECT DISTINCT
    user_id,
    DATE_TRUNC('month', played_at) AS month
  FROM plays
  WHERE surface = 'daily_mix'
)
SELECT
  cur.month,
  COUNT(*) AS listeners,
  AVG(CASE WHEN nxt.user_id IS NULL THEN 1.0 ELSE 0.0 END) AS churn_rate
FROM monthly AS cur
LEFT JOIN monthly AS nxt
  ON nxt.user_id = cur.user_id
 AND nxt.month = cur.month + INTERVAL '1 month'
WHERE cur.month < DATE_TRUNC('month', CURRENT_DATE) - INTERVAL '1 month'
GROUP BY cur.month
ORDER BY cur.month;
