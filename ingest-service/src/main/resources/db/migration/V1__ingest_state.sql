-- ingest-service's own state: what was published per uri, every content hash seen, and the feed registry.
create table if not exists story_state (
    seq             bigserial   not null unique,
    uri             text        primary key,
    version         integer     not null,
    version_created timestamptz not null,
    content_hash    char(64)    not null,
    pub_status      text        not null,
    duplicate_of    text,
    minhash         bytea,
    first_seen_at   timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);

create table if not exists content_seen (
    content_hash char(64) primary key,
    uri          text     not null
);

create table if not exists feed (
    id                 bigserial   primary key,
    url                text        not null unique,
    name               text,
    interval_seconds   integer     not null,
    enabled            boolean     not null default true,
    etag               text,
    last_modified      text,
    last_fetched_at    timestamptz,
    last_status        text,
    last_http_status   integer,
    last_error         text,
    items_seen         bigint      not null default 0,
    items_published    bigint      not null default 0,
    consecutive_errors integer     not null default 0,
    next_fetch_at      timestamptz,
    created_at         timestamptz not null default now()
);
