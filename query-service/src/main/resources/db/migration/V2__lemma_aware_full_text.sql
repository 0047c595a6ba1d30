-- PostgreSQL's english stemmer does not relate irregular forms ("spoken" vs "speak"). The service stores the
-- base forms of the irregular words of each text in `lemmas` (see org.claimwire.query.search.Lemmas) and
-- indexes them with the text (weight D), and rewrites query words the same way.
ALTER TABLE story_versions ADD COLUMN lemmas text NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN lemmas text NOT NULL DEFAULT '';

DROP INDEX story_versions_tsv;
ALTER TABLE story_versions DROP COLUMN tsv;
ALTER TABLE story_versions ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(headline, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(body, '')), 'B') ||
    setweight(to_tsvector('english', lemmas), 'D')) STORED;
CREATE INDEX story_versions_tsv ON story_versions USING gin (tsv) WHERE visible;

DROP INDEX claims_tsv;
ALTER TABLE claims DROP COLUMN tsv;
ALTER TABLE claims ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
    to_tsvector('english', coalesce(content, '')) || setweight(to_tsvector('english', lemmas), 'D')) STORED;
CREATE INDEX claims_tsv ON claims USING gin (tsv) WHERE visible;
