-- Full-text search over claims reads a narrow table too (as story_search, V6): the visible claims' ids, story
-- versions, times and tsvectors. A claims row is ~600 bytes (speaker, recipient, cue, offsets, stance ...), so
-- finding the newest matching claims (walking the time index, or fetching every GIN match) touched ~13 rows per
-- page; here ~30. claims.tsv stays: the claim filter (?q=) and ask read it with the other claim columns.
-- Filled by triggers on claims; a claim is here exactly while it is visible.
CREATE TABLE claim_search (
    id               bigint PRIMARY KEY REFERENCES claims (id) ON DELETE CASCADE,
    story_version_id bigint NOT NULL,
    said_at          timestamptz NOT NULL,
    tsv              tsvector NOT NULL
) WITH (toast_tuple_target = 8160);
ALTER TABLE claim_search ALTER COLUMN tsv SET STORAGE MAIN;

INSERT INTO claim_search (id, story_version_id, said_at, tsv)
SELECT id, story_version_id, said_at, tsv FROM claims WHERE visible ORDER BY said_at, id;

CREATE INDEX claim_search_time ON claim_search (said_at DESC, id DESC);
CREATE INDEX claim_search_tsv ON claim_search USING gin (tsv);

CREATE FUNCTION claim_search_sync() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.visible THEN -- an AFTER trigger sees the generated tsv
        INSERT INTO query.claim_search (id, story_version_id, said_at, tsv)
        VALUES (NEW.id, NEW.story_version_id, NEW.said_at, NEW.tsv)
        ON CONFLICT (id) DO UPDATE SET story_version_id = EXCLUDED.story_version_id, said_at = EXCLUDED.said_at,
                                       tsv = EXCLUDED.tsv;
    ELSIF TG_OP = 'UPDATE' THEN
        DELETE FROM query.claim_search WHERE id = NEW.id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER claim_search_insert AFTER INSERT ON claims
    FOR EACH ROW WHEN (NEW.visible) EXECUTE FUNCTION claim_search_sync();
CREATE TRIGGER claim_search_update AFTER UPDATE OF visible, content, lemmas, said_at, story_version_id ON claims
    FOR EACH ROW WHEN (OLD.visible IS DISTINCT FROM NEW.visible
                       OR (NEW.visible AND (OLD.content, OLD.lemmas, OLD.said_at, OLD.story_version_id)
                                           IS DISTINCT FROM (NEW.content, NEW.lemmas, NEW.said_at, NEW.story_version_id)))
    EXECUTE FUNCTION claim_search_sync();

ANALYZE claim_search;

-- The newest `n` matching visible claims, as in V4, now from claim_search.
CREATE OR REPLACE FUNCTION query.fts_claim_candidates(tq tsquery, n int) RETURNS TABLE (id bigint)
    LANGUAGE plpgsql STABLE ROWS 200 AS $$
BEGIN
    RETURN QUERY EXECUTE
        'SELECT c.id FROM query.claim_search c WHERE c.tsv @@ $1
         ORDER BY c.said_at DESC, c.id DESC LIMIT $2' USING tq, n;
END
$$;
