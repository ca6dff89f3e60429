-- How many assets match; the same parameters as assets_page.sql without the page ($1..$15), $16 scope.
SELECT count(*)::int AS n
FROM assets_matching($1, $2, $3, $4, $5, $6, $7::asset_kind[], $8, $9::safety_grade[], $10, $11, $12,
                     $13::risk_grade[], $14::lamp_status[], $15::site_stage[], $16);
