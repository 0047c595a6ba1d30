-- Claims by and about an entity, counted over visible story versions and maintained on write (like
-- mention_count), so GET /api/v1/entities/{id} does not count thousands of rows for a popular entity.
ALTER TABLE entities ADD COLUMN claims_by_count bigint NOT NULL DEFAULT 0;
ALTER TABLE entities ADD COLUMN claims_about_count bigint NOT NULL DEFAULT 0;
UPDATE entities e SET claims_by_count = x.n
FROM (SELECT speaker_entity_id AS id, count(*) AS n FROM claims WHERE visible AND speaker_entity_id IS NOT NULL GROUP BY 1) x
WHERE e.id = x.id;
UPDATE entities e SET claims_about_count = x.n
FROM (SELECT a.entity_id AS id, count(*) AS n FROM claim_about a JOIN claims c ON c.id = a.claim_id WHERE c.visible GROUP BY 1) x
WHERE e.id = x.id;

-- top co-mentioned entities straight from the index, ties by id
DROP INDEX co_mentions_rank;
CREATE INDEX co_mentions_rank ON co_mentions (entity_id, story_count DESC, other_entity_id);
