-- Which kinds of asset each case category is about, so a citizen who scans a plate (一栋一码) is offered only
-- the categories that fit what they scanned: a building its 房屋 categories, a street lamp 路灯, a slope its
-- 边坡 ones. Empty: the category is not about a plated asset (a manhole cover is reported by place, not by
-- plate). Two building categories citizens report often join the list.

ALTER TABLE case_categories ADD COLUMN asset_kinds asset_kind[] NOT NULL DEFAULT '{}';

UPDATE case_categories c SET asset_kinds = k.kinds::asset_kind[]
FROM (VALUES
  ('BJ0107', '{street_lamp}'),
  ('BJ0103', '{}'),
  ('BJ0110', '{gas_pipeline}'),
  ('BJ0501', '{building}'),
  ('BJ0502', '{slope}'),
  ('SJ0301', '{construction_site}'),
  ('SJ0302', '{construction_site}'),
  ('SJ0303', '{construction_site}'),
  ('SJ0304', '{construction_site}'),
  ('SJ0401', '{waterlogging_point}'),
  ('SJ0402', '{slope}'),
  ('SJ0501', '{building}')
) k(code, kinds)
WHERE c.code = k.code;

-- Devices sit on every kind of asset, and "other" fits anything.
UPDATE case_categories SET asset_kinds = enum_range(NULL::asset_kind) WHERE code IN ('SJ0601', 'SJ0699');

INSERT INTO case_categories (code, kind, name_zh, name_en, unit_kinds, device_types, natural_time, requires_evidence, citizen, deadlines, asset_kinds) VALUES
  ('SJ0502', 'event', '外墙脱落', 'Facade falling off', '{housing_bureau,street_office}', '{}', true, true, true,
   case_deadlines('{30,30,15,480,120,60}', '{10,10,10,120,30,30}'), '{building}'),
  ('SJ0503', 'event', '违法加建', 'Illegal addition or alteration', '{street_office,urban_management}', '{}', false, true, true,
   case_deadlines('{60,60,60,2250,240,60}', '{15,15,15,480,60,30}'), '{building}')
ON CONFLICT (code) DO NOTHING;
