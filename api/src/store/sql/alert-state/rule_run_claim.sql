-- Claims a scheduled rule's period; returns a row only for the one process that gets it. $1 rule, $2 period.
INSERT INTO rule_runs (rule_id, period) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING rule_id;
