package org.claimwire.ingest.formats;

/**
 * Input that cannot become a story. {@link Kind} maps onto the HTTP status the API answers with
 * (and onto the reason a feed item or dropped file is dead-lettered with).
 */
public class RejectedInput extends RuntimeException {

    public enum Kind {
        /** Not well-formed JSON/XML, no body, refused XML constructs: 400. */
        MALFORMED(400, "Malformed input"),
        /** A story date in the future (beyond the allowed clock skew) or outside the years 1800-2200: 400. */
        IMPLAUSIBLE_DATE(400, "Implausible date"),
        /** The writer's key may not create this uri, or change one another source created: 403. */
        FORBIDDEN(403, "Forbidden"),
        /** Over the size limit: 413. */
        TOO_LARGE(413, "Payload too large"),
        /** A media type ingest does not read: 415. */
        UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
        /** Well-formed but not a story (a picture, a concept item, undecodable text): 422. */
        NOT_A_STORY(422, "Not a text story");

        public final int status;
        public final String title;

        Kind(int status, String title) {
            this.status = status;
            this.title = title;
        }

        public String slug() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final Kind kind;

    public RejectedInput(Kind kind, String detail) {
        super(detail);
        this.kind = kind;
    }

    public RejectedInput(Kind kind, String detail, Throwable cause) {
        super(detail, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static RejectedInput malformed(String detail) {
        return new RejectedInput(Kind.MALFORMED, detail);
    }

    public static RejectedInput notAStory(String detail) {
        return new RejectedInput(Kind.NOT_A_STORY, detail);
    }
}
