-- $1 int[] rule ids, $2 int[] device ids, $3 jsonb[] states.
INSERT INTO rule_states AS s (rule_id, device_id, state, updated_at)
SELECT r, d, st, now() FROM unnest($1::int[], $2::int[], $3::jsonb[]) AS x(r, d, st)
ON CONFLICT (device_id, rule_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at;
