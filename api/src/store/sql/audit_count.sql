-- How many audit entries match; $1..$7 as in audit_page.sql.
SELECT count(*)::int AS n
FROM audit_log
WHERE ($1::text IS NULL OR actor_name = $1)
  AND ($2::text IS NULL OR action = $2)
  AND ($3::text IS NULL OR target_type = $3)
  AND ($4::text IS NULL OR target_id = $4)
  AND ($5::timestamptz IS NULL OR at >= $5)
  AND ($6::timestamptz IS NULL OR at < $6)
  AND ($7::text IS NULL OR outcome = $7);
