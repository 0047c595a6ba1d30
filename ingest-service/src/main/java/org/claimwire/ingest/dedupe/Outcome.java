package org.claimwire.ingest.dedupe;

import java.util.Locale;

/** What ingest did with a story; the {@code status} of the API answer. */
public enum Outcome {
    /** New story, published as version 1. */
    ACCEPTED,
    /** Same content as a story already published (same uri, or another feed's copy): not published. */
    DUPLICATE,
    /** New uri, but a syndicated copy of a published story: published with {@code duplicateOf}. */
    NEAR_DUPLICATE,
    /** Known uri with newer or changed content (or a kill): published as the next version. */
    UPDATED,
    /** Older than the version already published: not published. */
    STALE,
    /** The writer may not create this uri, or change one another source created: not published (403). */
    FORBIDDEN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean publishes() {
        return this == ACCEPTED || this == NEAR_DUPLICATE || this == UPDATED;
    }
}
