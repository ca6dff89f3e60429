-- Cases per $11 bucket ('hour' | 'day' | 'week' | 'month', China Standard Time) of [$9, $10): reported (filed
-- in the bucket) and, of those due in the bucket, how many were closed and closed on time (结案率 and
-- 按期结案率, as caseKpis counts them). $1..$8 cases_in_area (area, scope, unit).
WITH c AS (SELECT * FROM cases_in_area($1, $2, $3, $4, $5, $6, $7, $8)),
counted AS (
  SELECT created_at AS at, 1 AS reported, 0 AS due, 0 AS closed, 0 AS on_time
  FROM c WHERE created_at >= $9::timestamptz AND created_at < $10::timestamptz
  UNION ALL
  SELECT due_at, 0, 1, (state = 'closed')::int, (state = 'closed' AND closed_at <= due_at)::int
  FROM c WHERE due_at >= $9::timestamptz AND due_at < $10::timestamptz
)
SELECT to_char(date_trunc($11::text, at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD"T"HH24:MI:SS') AS bucket,
       sum(reported)::int AS reported, sum(due)::int AS due, sum(closed)::int AS closed,
       sum(on_time)::int AS closed_on_time
FROM counted GROUP BY 1;
