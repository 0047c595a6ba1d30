package org.claimwire.query.search;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/claims} filters after entity names were resolved to ids. A list of ids that is empty
 * (a name that matches nothing) yields no claims; null means "no filter".
 */
public record ClaimFilter(List<Long> speakerIds, List<Long> aboutIds, String stance, String mode,
                          List<Long> recipientIds, String recipientText, String q, Instant from, Instant to,
                          Long storyVersionId, String kind, String source, String language) {

    /** Without the kind, source and language filters. */
    public ClaimFilter(List<Long> speakerIds, List<Long> aboutIds, String stance, String mode, List<Long> recipientIds,
                       String recipientText, String q, Instant from, Instant to, Long storyVersionId) {
        this(speakerIds, aboutIds, stance, mode, recipientIds, recipientText, q, from, to, storyVersionId, null, null, null);
    }

    public static final String CURSOR_KIND = "claims";
}
