-- How many alerts match. $1..$13 alerts_matching.
SELECT count(*)::int AS n
FROM alerts_matching($1, $2, $3, $4, $5, $6, $7, $8, $9::alert_severity[], $10, $11, $12, $13);
