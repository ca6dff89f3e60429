-- How many audit entries match; $1..$7 as in audit_page.sql.
SELECT count(*)::int AS n FROM audit_entries($1, $2, $3, $4, $5, $6, $7);
