-- query-service storage (schema "query"). Every version of a story is kept; exactly one version per story is
-- "current" (the highest version seen). A story whose current version is not `usable` (a kill, a withhold)
-- is hidden: its rows stay, with visible = false, and no list, count or search serves them.

-- pg_trgm (trusted extension since PostgreSQL 13) for fuzzy entity-name search. Installed in public so that
-- any service's schema can share it; query code qualifies the operator class.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

-- Idempotency: one row per consumed CloudEvent id (ce_id). A redelivery finds its id here and is skipped.
CREATE TABLE consumed_events (
    event_id     text PRIMARY KEY,
    story_uri    text        NOT NULL,
    version      int         NOT NULL,
    outcome      text        NOT NULL,   -- STORED (became current), HISTORY (older than current), DUPLICATE_VERSION
    consumed_at  timestamptz NOT NULL DEFAULT now()
);

-- One row per story uri: points at its current version.
CREATE TABLE stories (
    id              bigserial PRIMARY KEY,
    uri             text        NOT NULL UNIQUE,
    current_version int         NOT NULL,
    visible         boolean     NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- Every version of every story, with the text and the metadata of that version.
CREATE TABLE story_versions (
    id              bigserial PRIMARY KEY,
    story_id        bigint      NOT NULL REFERENCES stories (id),
    version         int         NOT NULL,
    event_id        text,
    pub_status      text        NOT NULL,
    is_current      boolean     NOT NULL,
    visible         boolean     NOT NULL,  -- is_current and pub_status = 'usable'
    language        text,
    headline        text,
    byline          text,
    body            text,
    located         text,
    url             text,
    source          text,                  -- provider / source name (from infoSources) or null
    feed_id         text,
    content_hash    text,
    duplicate_of    text,
    subjects        jsonb       NOT NULL DEFAULT '[]',
    info_sources    jsonb       NOT NULL DEFAULT '[]',
    nlp_model       jsonb,
    version_created timestamptz NOT NULL,
    first_created   timestamptz,
    enriched_at     timestamptz,
    stored_at       timestamptz NOT NULL DEFAULT now(),
    tsv             tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('english', coalesce(headline, '')), 'A') ||
                        setweight(to_tsvector('english', coalesce(body, '')), 'B')) STORED,
    UNIQUE (story_id, version)
);
CREATE INDEX story_versions_visible_time ON story_versions (version_created DESC, id DESC) WHERE visible;
CREATE INDEX story_versions_visible_lang ON story_versions (language, version_created DESC, id DESC) WHERE visible;
CREATE INDEX story_versions_visible_source ON story_versions (lower(source), version_created DESC, id DESC) WHERE visible;
CREATE INDEX story_versions_visible_feed ON story_versions (feed_id, version_created DESC, id DESC) WHERE visible;
CREATE INDEX story_versions_tsv ON story_versions USING gin (tsv) WHERE visible;

-- Global entities (resolved across stories).
CREATE TABLE entities (
    id             bigserial PRIMARY KEY,
    canonical_name text        NOT NULL,
    name_norm      text        NOT NULL,   -- normalised canonical name (lower case, no accents/punctuation)
    type           text        NOT NULL,   -- PERSON, ORGANIZATION, LOCATION, MISC
    surname        text,                   -- PERSON: normalised last name token
    surname_only   boolean     NOT NULL DEFAULT false, -- PERSON known only by a bare surname so far
    mention_count  bigint      NOT NULL DEFAULT 0,     -- over visible story versions
    story_count    bigint      NOT NULL DEFAULT 0,     -- over visible story versions
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX entities_name_norm ON entities (name_norm text_pattern_ops);
CREATE INDEX entities_name_trgm ON entities USING gin (name_norm public.gin_trgm_ops);
CREATE INDEX entities_surname ON entities (surname) WHERE type = 'PERSON';
CREATE INDEX entities_type_rank ON entities (type, mention_count DESC, id);
CREATE INDEX entities_rank ON entities (mention_count DESC, id);

-- Names and titles an entity went by, each with how it was resolved the first time ("explainable merges").
CREATE TABLE entity_aliases (
    id          bigserial PRIMARY KEY,
    entity_id   bigint      NOT NULL REFERENCES entities (id),
    kind        text        NOT NULL,   -- NAME or TITLE
    name        text        NOT NULL,
    name_norm   text        NOT NULL,
    reason      text        NOT NULL,   -- how the first story with this alias was resolved
    story_count bigint      NOT NULL DEFAULT 0,
    first_seen  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (entity_id, kind, name_norm)
);
CREATE INDEX entity_aliases_norm ON entity_aliases (name_norm text_pattern_ops, kind);
CREATE INDEX entity_aliases_trgm ON entity_aliases USING gin (name_norm public.gin_trgm_ops);

-- Which stories an alias came from.
CREATE TABLE entity_alias_stories (
    alias_id   bigint NOT NULL REFERENCES entity_aliases (id),
    story_id   bigint NOT NULL REFERENCES stories (id),
    first_seen timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (alias_id, story_id)
);

-- The entities of one story version: the in-story entity (local id "e1") linked to its global entity.
CREATE TABLE story_entities (
    story_version_id bigint  NOT NULL REFERENCES story_versions (id),
    local_id         text    NOT NULL,
    entity_id        bigint  NOT NULL REFERENCES entities (id),
    name             text    NOT NULL,
    type             text    NOT NULL,
    titles           text[]  NOT NULL DEFAULT '{}',
    mention_count    int     NOT NULL,
    resolution       text    NOT NULL,  -- how this name was resolved to the global entity
    visible          boolean NOT NULL,
    PRIMARY KEY (story_version_id, local_id)
);
CREATE INDEX story_entities_entity ON story_entities (entity_id, story_version_id DESC) WHERE visible;

CREATE TABLE mentions (
    id               bigserial PRIMARY KEY,
    story_version_id bigint NOT NULL REFERENCES story_versions (id),
    entity_id        bigint NOT NULL REFERENCES entities (id),
    start_offset     int    NOT NULL,
    end_offset       int    NOT NULL,
    text             text   NOT NULL
);
CREATE INDEX mentions_version ON mentions (story_version_id, start_offset);

-- Co-mention counts over visible versions (both directions stored), maintained on write.
CREATE TABLE co_mentions (
    entity_id       bigint NOT NULL,
    other_entity_id bigint NOT NULL,
    story_count     bigint NOT NULL,
    PRIMARY KEY (entity_id, other_entity_id)
);
CREATE INDEX co_mentions_rank ON co_mentions (entity_id, story_count DESC);

CREATE TABLE claims (
    id                  bigserial PRIMARY KEY,
    story_version_id    bigint           NOT NULL REFERENCES story_versions (id),
    story_id            bigint           NOT NULL REFERENCES stories (id),
    local_id            text,
    speaker_entity_id   bigint REFERENCES entities (id),
    speaker_text        text,
    speaker_start       int,
    speaker_end         int,
    recipient_entity_id bigint REFERENCES entities (id),
    recipient_text      text,
    recipient_start     int,
    recipient_end       int,
    cue_text            text,
    cue_lemma           text,
    cue_start           int,
    cue_end             int,
    content             text             NOT NULL,
    content_start       int,
    content_end         int,
    mode                text             NOT NULL,
    stance              text,
    time_text           text,
    time_normalized     text,
    said_at             timestamptz      NOT NULL, -- time.normalized when it is a date, else the story's versionCreated
    check_worthiness    double precision NOT NULL,
    confidence          double precision NOT NULL,
    visible             boolean          NOT NULL,
    tsv                 tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(content, ''))) STORED
);
CREATE INDEX claims_version ON claims (story_version_id);
CREATE INDEX claims_visible_time ON claims (said_at DESC, id DESC) WHERE visible;
CREATE INDEX claims_speaker ON claims (speaker_entity_id, said_at DESC, id DESC) WHERE visible;
CREATE INDEX claims_recipient ON claims (recipient_entity_id, said_at DESC, id DESC) WHERE visible;
CREATE INDEX claims_recipient_text ON claims USING gin (recipient_text public.gin_trgm_ops) WHERE visible;
CREATE INDEX claims_stance ON claims (stance, said_at DESC, id DESC) WHERE visible;
CREATE INDEX claims_mode ON claims (mode, said_at DESC, id DESC) WHERE visible;
CREATE INDEX claims_tsv ON claims USING gin (tsv) WHERE visible;

CREATE TABLE claim_about (
    claim_id  bigint NOT NULL REFERENCES claims (id),
    entity_id bigint NOT NULL REFERENCES entities (id),
    PRIMARY KEY (claim_id, entity_id)
);
CREATE INDEX claim_about_entity ON claim_about (entity_id, claim_id DESC);

-- The live feed behind GET /api/v1/stream: a monotonically increasing sequence (the SSE event id).
CREATE TABLE stream_events (
    seq        bigserial PRIMARY KEY,
    kind       text        NOT NULL,   -- story or claim
    story_id   bigint      NOT NULL,
    claim_id   bigint,
    entity_ids bigint[]    NOT NULL DEFAULT '{}',
    payload    jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stream_events_entities ON stream_events USING gin (entity_ids);
