-- GET /api/v1/claims?about=<one entity>: newest first straight from an index, like speaker= and recipient=.
-- claim_about carries its claim's said_at and visibility (maintained with the claim), so the page is an index walk
-- over (entity_id, said_at DESC, claim_id DESC) that stops after LIMIT rows, for popular and rare entities alike,
-- instead of joining every claim about the entity and sorting (or walking all claims by time and probing).
ALTER TABLE claim_about ADD COLUMN said_at timestamptz;
ALTER TABLE claim_about ADD COLUMN visible boolean NOT NULL DEFAULT false;
UPDATE claim_about a SET said_at = c.said_at, visible = c.visible FROM claims c WHERE c.id = a.claim_id;
CREATE INDEX claim_about_entity_time ON claim_about (entity_id, said_at DESC, claim_id DESC) WHERE visible;
ANALYZE claim_about;
