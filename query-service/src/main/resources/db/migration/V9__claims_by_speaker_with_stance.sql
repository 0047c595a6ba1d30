-- GET /api/v1/entities/{id}/timeline counts a speaker's claims per time bucket and stance. With the stance in the
-- index the count is an index-only scan over the speaker's entries (thousands for the most quoted people) instead
-- of one heap visit per claim.
CREATE INDEX claims_speaker_stance ON claims (speaker_entity_id, said_at) INCLUDE (stance) WHERE visible;
