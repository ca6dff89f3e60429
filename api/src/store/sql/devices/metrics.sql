-- Every metric with its unit (22 rows); read once per request.
SELECT id, key, name_zh, name_en, unit FROM metrics ORDER BY id;
