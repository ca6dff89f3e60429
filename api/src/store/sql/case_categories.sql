-- Every case category with its stage deadlines, components (部件) before events (事件).
SELECT code, kind, name_zh, name_en, unit_kinds::text[] AS unit_kinds, device_types::text[] AS device_types,
       natural_time, requires_evidence, citizen, deadlines
FROM case_categories
ORDER BY kind, code;
