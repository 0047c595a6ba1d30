-- Full-text search ranks a bounded candidate set: the newest `n` visible story versions (claims) whose tsv
-- matches, found through the GIN index when the query is rare and through the time index (stopping after `n`
-- matches) when it is common. Dynamic SQL so that every call is planned with the actual tsquery: a cached
-- generic plan (what a server-side prepared statement ends up with after a few executions) does not know the
-- query's frequency and would build and sort the GIN bitmap of every match ("said": 100,000 rows) each time.
CREATE OR REPLACE FUNCTION query.fts_story_candidates(tq tsquery, n int) RETURNS TABLE (id bigint)
    LANGUAGE plpgsql STABLE ROWS 200 AS $$
BEGIN
    RETURN QUERY EXECUTE
        'SELECT v.id FROM query.story_versions v WHERE v.visible AND v.tsv @@ $1
         ORDER BY v.version_created DESC, v.id DESC LIMIT $2' USING tq, n;
END
$$;

CREATE OR REPLACE FUNCTION query.fts_claim_candidates(tq tsquery, n int) RETURNS TABLE (id bigint)
    LANGUAGE plpgsql STABLE ROWS 200 AS $$
BEGIN
    RETURN QUERY EXECUTE
        'SELECT c.id FROM query.claims c WHERE c.visible AND c.tsv @@ $1
         ORDER BY c.said_at DESC, c.id DESC LIMIT $2' USING tq, n;
END
$$;
