-- API keys (issue 15): the SHA-256 of each secret, never the secret. Made and revoked through
-- /api/v1/admin/keys on any service and shared over the compacted topic claimwire.api-keys; this table is
-- ingest-service's copy, loaded at start-up. A revocation is final (revoked_at is never cleared).
create table if not exists api_key (
    id           text        primary key,
    key_hash     char(64)    not null unique,
    name         text        not null,
    role         text        not null check (role in ('reader', 'writer', 'admin')),
    source       text,
    uri_prefixes text[]      not null default '{}',
    created_at   timestamptz not null,
    revoked_at   timestamptz
);
