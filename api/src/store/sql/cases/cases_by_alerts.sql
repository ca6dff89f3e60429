-- The case opened from each alert (merged duplicates left out). $1 alert ids.
SELECT DISTINCT ON (alert_id) alert_id, id
FROM cases
WHERE alert_id = ANY ($1::bigint[]) AND merged_into IS NULL
ORDER BY alert_id, id;
