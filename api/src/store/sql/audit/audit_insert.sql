-- One audit entry. $1 actor kind, $2 actor id, $3 actor name, $4 action, $5 outcome, $6 target type,
-- $7 target id, $8 ip, $9 user agent, $10 before, $11 after, $12 detail (jsonb).
INSERT INTO audit_log (actor_kind, actor_id, actor_name, action, outcome, target_type, target_id, ip,
                       user_agent, before, after, detail)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12);
