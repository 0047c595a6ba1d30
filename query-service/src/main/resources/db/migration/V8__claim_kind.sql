-- What a claim attributes (issue 14): STATEMENT, QUESTION, BELIEF, INTENTION or EVIDENCE. Events written before
-- nlp-service emitted a kind read as STATEMENT, and so do the rows stored before this column existed.
ALTER TABLE claims ADD COLUMN kind text NOT NULL DEFAULT 'STATEMENT';
-- GET /api/v1/claims?kind=: newest first straight from an index, like stance= and mode=
CREATE INDEX claims_kind ON claims (kind, said_at DESC, id DESC) WHERE visible;
