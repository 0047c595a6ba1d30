package org.claimwire.query.persistence;

import org.claimwire.query.search.Lemmas;

/**
 * {@code GET /api/v1/search?q=}: PostgreSQL full text (english configuration, so "spoken" matches "speak")
 * over the headlines and bodies of visible stories and the contents of their claims, ranked by
 * {@code ts_rank}, with snippets computed for the page only (in the JVM, {@code search.Snippets}: the query returns each
 * row's excerpt and the query's lexemes, {@code querytree} of the tsquery; {@code ts_headline} cost about 4–5 ms
 * of database CPU per search).
 *
 * <p>Ranking every match does not scale: {@code ts_rank} reads the whole {@code tsvector} of each matching row,
 * and a word such as "said" matches nearly every story. So the ranking runs over a bounded candidate set per
 * kind: the {@code candidates} newest matching story versions and the {@code candidates} newest matching claims
 * ({@code query.fts_story_candidates} / {@code fts_claim_candidates}, migrations V4 and V6: the GIN index for rare
 * queries, the time index stopping after enough matches for common ones, planned per call with the actual
 * query). Vectors are read from the narrow tables {@code query.story_search} (stored uncompressed, V6) and
 * {@code query.claim_search} (V7). The candidate set does not depend on the page, so offset cursors stay consistent
 * across pages; results end after the candidates (at most {@code 2 * candidates} hits). Snippets are built from
 * a bounded excerpt (the headline and {@link #EXCERPT} characters of the body, or of the claim) for the returned
 * rows only.
 */
public final class FullTextSearch {
    public static final String CURSOR_KIND = "search";
    /** Newest matching story versions, and newest matching claims, that are ranked (claimwire.query.search.candidates). */
    public static final int DEFAULT_CANDIDATES = 200;
    public static final int MAX_CANDIDATES = 10_000;
    /** Characters of a body (claim content) that a snippet is built from. */
    public static final int EXCERPT = 2000;

    private FullTextSearch() {
    }

    /** Refuses a candidate count outside 1..{@link #MAX_CANDIDATES} (checked at start-up too). */
    public static int checkCandidates(int candidates) {
        if (candidates < 1 || candidates > MAX_CANDIDATES) {
            throw new IllegalArgumentException("claimwire.query.search.candidates must be 1.." + MAX_CANDIDATES + ", not " + candidates);
        }
        return candidates;
    }

    public static SqlQuery toSql(String q, int offset, int limit, int candidates) {
        checkCandidates(candidates);
        int window = Math.min(offset + limit + 1, candidates);
        return new SqlQuery().append("""
                WITH q AS MATERIALIZED (SELECT websearch_to_tsquery('english', ?) AS tq,
                          websearch_to_tsquery('english', ?) || websearch_to_tsquery('english', coalesce(?, '')) AS hq),
                hits AS (
                  (SELECT 'story'::text AS kind, v.id AS version_id, NULL::bigint AS claim_id, ts_rank(v.tsv, q.tq) AS rank
                   FROM q CROSS JOIN LATERAL query.fts_story_candidates(q.tq, ?) k
                   JOIN query.story_search v ON v.id = k.id
                   ORDER BY rank DESC, v.id DESC LIMIT ?)
                  UNION ALL
                  (SELECT 'claim'::text, c.story_version_id, c.id, ts_rank(c.tsv, q.tq) AS rank
                   FROM q CROSS JOIN LATERAL query.fts_claim_candidates(q.tq, ?) k
                   JOIN query.claim_search c ON c.id = k.id
                   ORDER BY rank DESC, c.id DESC LIMIT ?)
                ),
                page AS (SELECT * FROM hits ORDER BY rank DESC, kind DESC, version_id DESC, claim_id DESC NULLS LAST
                         LIMIT ? OFFSET ?)
                SELECT p.kind, v.story_id, s.uri, p.claim_id, v.headline, p.rank,
                       CASE WHEN p.kind = 'claim' THEN c.said_at ELSE v.version_created END AS time,
                       CASE WHEN p.kind = 'claim' THEN left(c.content, ?)
                            ELSE coalesce(v.headline, '') || E'\\n' || left(coalesce(v.body, ''), ?) END AS excerpt,
                       querytree(q.hq) AS lexemes
                FROM page p CROSS JOIN q
                JOIN query.story_versions v ON v.id = p.version_id
                JOIN query.stories s ON s.id = v.story_id
                LEFT JOIN query.claims c ON c.id = p.claim_id
                ORDER BY p.rank DESC, p.kind DESC, p.version_id DESC, p.claim_id DESC NULLS LAST""",
                Lemmas.rewrite(q), Lemmas.rewrite(q), Lemmas.originalForms(q), candidates, window, candidates, window,
                limit + 1, offset, EXCERPT, EXCERPT);
    }
}
