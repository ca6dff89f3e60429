-- A new case. $1 tracking_no … $21 stage_due_at; area codes are given (see case_locate.sql).
INSERT INTO cases (tracking_no, state, source, category_code, urgency, description, address, location,
                   district_code, street_code, community_code, grid_code, asset_id, alert_id,
                   reporter_name, reporter_phone, created_by, created_at, updated_at, stage_started_at, stage_due_at)
VALUES ($1, $2::case_state, $3::case_source, $4, $5::case_urgency, $6, $7,
        ST_SetSRID(ST_MakePoint($8::float8, $9::float8), 4326),
        $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $19, $19, $20)
RETURNING id;
