-- Full-text search over stories reads a narrow table of its own: the visible story versions' ids, times and
-- tsvectors, stored uncompressed in the row.
--
-- Why: in story_versions the 2.4 kB tsvector is pglz-compressed in a wide row (zonky's and many builds have no
-- lz4). Every candidate the search looks at (the newest matching versions, V4) had its vector decompressed,
-- once to test the match and once more to rank it: ~3 us per row, most of the database time of a search.
-- Here the vector is read in place (toast_tuple_target = 8160 and STORAGE MAIN: compressed only past a page),
-- and rows are appended in arrival order, so the newest versions sit together.
--
-- Filled by triggers on story_versions (no service code writes it): a version is in the table exactly while it
-- is visible, with the vector PostgreSQL computes from its headline (A), body (B) and lemmas (D) — the same
-- expression as the generated column it replaces (V2). GET /api/v1/stories?q= reads it too, so the vector is
-- stored once.
CREATE TABLE story_search (
    id              bigint PRIMARY KEY REFERENCES story_versions (id) ON DELETE CASCADE,
    version_created timestamptz NOT NULL,
    tsv             tsvector NOT NULL
) WITH (toast_tuple_target = 8160);
ALTER TABLE story_search ALTER COLUMN tsv SET STORAGE MAIN;

INSERT INTO story_search (id, version_created, tsv)
SELECT id, version_created, tsv FROM story_versions WHERE visible ORDER BY version_created, id;

CREATE INDEX story_search_time ON story_search (version_created DESC, id DESC);
CREATE INDEX story_search_tsv ON story_search USING gin (tsv);

ALTER TABLE story_versions DROP COLUMN tsv; -- and with it the GIN index story_versions_tsv

CREATE FUNCTION story_search_vector(headline text, body text, lemmas text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector('english', coalesce(headline, '')), 'A') ||
           setweight(to_tsvector('english', coalesce(body, '')), 'B') ||
           setweight(to_tsvector('english', coalesce(lemmas, '')), 'D')
$$;

CREATE FUNCTION story_search_sync() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.visible THEN
        INSERT INTO query.story_search (id, version_created, tsv)
        VALUES (NEW.id, NEW.version_created, query.story_search_vector(NEW.headline, NEW.body, NEW.lemmas))
        ON CONFLICT (id) DO UPDATE SET version_created = EXCLUDED.version_created, tsv = EXCLUDED.tsv;
    ELSIF TG_OP = 'UPDATE' THEN
        DELETE FROM query.story_search WHERE id = NEW.id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER story_search_insert AFTER INSERT ON story_versions
    FOR EACH ROW WHEN (NEW.visible) EXECUTE FUNCTION story_search_sync();
CREATE TRIGGER story_search_update AFTER UPDATE OF visible, headline, body, lemmas, version_created ON story_versions
    FOR EACH ROW WHEN (OLD.visible IS DISTINCT FROM NEW.visible
                       OR (NEW.visible AND (OLD.headline, OLD.body, OLD.lemmas, OLD.version_created)
                                           IS DISTINCT FROM (NEW.headline, NEW.body, NEW.lemmas, NEW.version_created)))
    EXECUTE FUNCTION story_search_sync();

ANALYZE story_search;

-- The newest `n` matching visible versions, as in V4, now from story_search.
CREATE OR REPLACE FUNCTION query.fts_story_candidates(tq tsquery, n int) RETURNS TABLE (id bigint)
    LANGUAGE plpgsql STABLE ROWS 200 AS $$
BEGIN
    RETURN QUERY EXECUTE
        'SELECT s.id FROM query.story_search s WHERE s.tsv @@ $1
         ORDER BY s.version_created DESC, s.id DESC LIMIT $2' USING tq, n;
END
$$;
