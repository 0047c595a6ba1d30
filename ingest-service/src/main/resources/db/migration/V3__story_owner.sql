-- Which source created each uri (issue 15): a writer key's source, feed:<id> or drop. A writer may update or
-- kill only uris its source created; rows from before keys existed have none (only an admin may change them).
-- Set when the uri is created and never changed by later versions.
alter table story_state add column if not exists source text;
