-- One entry of a case's history. $1 case … $10 data.
INSERT INTO case_events (case_id, at, action, from_state, to_state, actor, actor_role, comment, attachments, data)
VALUES ($1, $2, $3, $4::case_state, $5::case_state, $6, $7, $8, $9::text[], $10::jsonb)
RETURNING id;
