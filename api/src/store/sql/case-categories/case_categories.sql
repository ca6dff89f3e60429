-- Every case category with its stage deadlines and the asset kinds it is about, components (部件) before
-- events (事件).
SELECT code, kind, name_zh, name_en, unit_kinds::text[] AS unit_kinds, device_types::text[] AS device_types,
       asset_kinds::text[] AS asset_kinds, natural_time, requires_evidence, citizen, deadlines
FROM case_categories
ORDER BY kind, code;
