-- Re-triggered open alerts keep their severity; their latest reading is refreshed. $1 int[] rules,
-- $2 int[] devices, $3 timestamptz[], $4 float8[].
UPDATE alerts al SET last_ts = x.ts, last_value = x.v, updated_at = now()
FROM unnest($1::int[], $2::int[], $3::timestamptz[], $4::float8[]) AS x(r, d, ts, v)
WHERE al.rule_id = x.r AND al.device_id = x.d AND al.cleared_at IS NULL
  AND (al.last_ts IS NULL OR al.last_ts < x.ts);
