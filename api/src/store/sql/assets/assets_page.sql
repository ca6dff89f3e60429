-- One page of assets_matching in id order (keyset pagination).
-- $1..$6 area (see assets_in_area), $7 kinds, $8 LIKE pattern, $9 safety grades, $10 self-built,
-- $11 min floors, $12 max floors, $13 risk grades, $14 lamp statuses, $15 site stages,
-- $16 bigint id after which the page starts (0 for the first page), $17 page size, $18 the caller's scope.
-- Uses the area's index (assets_geom_gist, assets_geog_gist or an area-code index), else assets_pkey order.
SELECT r.*
FROM asset_rows r
WHERE r.id IN (
  SELECT m.id
  FROM assets_matching($1, $2, $3, $4, $5, $6, $7::asset_kind[], $8, $9::safety_grade[], $10, $11, $12,
                       $13::risk_grade[], $14::lamp_status[], $15::site_stage[], $18) m
  WHERE m.id > $16
  ORDER BY m.id
  LIMIT $17)
ORDER BY r.id;
