-- $1 int[] device_id | $2 int2[] metric_id | $3 float8[] ts (epoch seconds) | $4 float8[] value
-- Seed path only: the table was just emptied, so no conflict handling (live ingest has its own upsert).
INSERT INTO readings (device_id, metric_id, ts, value)
SELECT d, m, to_timestamp(t), v FROM unnest($1::int[], $2::int2[], $3::float8[], $4::float8[]) AS u (d, m, t, v);
