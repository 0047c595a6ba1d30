package org.claimwire.ingest.formats;

import org.claimwire.problems.ProblemType;

/**
 * Input that cannot become a story. {@link Kind} maps onto the HTTP status the API answers with
 * (and onto the reason a feed item or dropped file is dead-lettered with).
 */
public class RejectedInput extends RuntimeException {

    /** The kinds of input ingest refuses, each answered with its problem type from the shared catalogue. */
    public enum Kind {
        /** Not well-formed JSON/XML, no body, refused XML constructs. */
        MALFORMED(ProblemType.MALFORMED),
        /** A story date in the future (beyond the allowed clock skew) or outside the years 1800-2200. */
        IMPLAUSIBLE_DATE(ProblemType.IMPLAUSIBLE_DATE),
        /** The writer's key may not create this uri, or change one another source created. */
        FORBIDDEN(ProblemType.FORBIDDEN),
        /** Over the size limit. */
        TOO_LARGE(ProblemType.TOO_LARGE),
        /** A media type ingest does not read. */
        UNSUPPORTED_MEDIA_TYPE(ProblemType.UNSUPPORTED_MEDIA_TYPE),
        /** Well-formed but not a story (a picture, a concept item, undecodable text). */
        NOT_A_STORY(ProblemType.NOT_A_STORY);

        public final ProblemType type;
        /** The type's status and title, for dead-letter reasons and file-drop notes. */
        public final int status;
        public final String title;

        Kind(ProblemType type) {
            this.type = type;
            this.status = type.status();
            this.title = type.title();
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
