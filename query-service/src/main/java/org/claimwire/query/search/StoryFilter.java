package org.claimwire.query.search;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/stories} filters; {@code entityIds} empty (a name that matches nothing) yields nothing. */
public record StoryFilter(String q, List<Long> entityIds, String source, String language, Instant from, Instant to) {

    public static final String CURSOR_KIND = "stories";
}
