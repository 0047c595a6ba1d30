-- Why a feed is disabled when ingest disabled it (410 Gone), and where it was registered before a 301 moved it.
alter table feed add column if not exists disabled_reason text;
alter table feed add column if not exists moved_from text;
