package org.claimwire.problems;

import java.util.Locale;

/**
 * The catalogue of problem types: one type URI, status and title per kind of error, shared by all services so
 * that the same mistake gets the same {@code type} whichever service reports it. Add a constant here before
 * answering with a new kind of problem; a status with nothing to add to its reason phrase uses
 * {@link Problems#forStatus} ({@code about:blank}, RFC 7807 section 4.2).
 */
public enum ProblemType {
    /** A request parameter or header that cannot be used. */
    BAD_REQUEST(400, "Bad request"),
    /** A body that is not well-formed (JSON, XML, encoding) or lacks what every request needs. */
    MALFORMED(400, "Malformed input"),
    /** A story date later than now plus the allowed clock skew, or outside the years 1800 to 2200. */
    IMPLAUSIBLE_DATE(400, "Implausible date"),
    /** A paging cursor this API did not issue. */
    INVALID_CURSOR(400, "Invalid cursor"),
    /** An ask request without a question. */
    EMPTY_QUESTION(400, "Empty question"),
    /** An ask request whose question is over the length limit. */
    QUESTION_TOO_LONG(400, "Question too long"),
    /** No credentials, or credentials that are not valid. */
    UNAUTHORIZED(401, "Unauthorized"),
    /** Valid credentials without the right to this operation. */
    FORBIDDEN(403, "Forbidden"),
    /** No such resource. */
    NOT_FOUND(404, "Not found"),
    /** A feed with the same URL exists. */
    DUPLICATE_FEED(409, "Feed exists"),
    /** The resource existed and was withdrawn (a killed story). */
    GONE(410, "Gone"),
    /** A body over the size limit. */
    TOO_LARGE(413, "Payload too large"),
    /** A media type the service does not read. */
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    /** Well-formed input that is not a text story (a picture, a concept item, undecodable text). */
    NOT_A_STORY(422, "Not a text story"),
    /** A feed polling interval under the minimum. */
    INVALID_INTERVAL(422, "Invalid interval"),
    /** A feed URL the service will not fetch (scheme, private address). */
    FEED_URL_REFUSED(422, "Feed URL refused"),
    /** Over a rate or concurrency limit; the response says when to retry. */
    TOO_MANY_REQUESTS(429, "Too many requests"),
    /** A failure of the service itself; details go to its log, not to the client. */
    INTERNAL_ERROR(500, "Internal error"),
    /** The database could not answer. */
    STORE_UNAVAILABLE(503, "Service unavailable"),
    /** The Kafka broker could not take the message. */
    BROKER_UNAVAILABLE(503, "Service unavailable"),
    /** Every slot and queue place for this kind of work is taken; the response says when to retry. */
    OVERLOADED(503, "Service unavailable");

    /** Prefix of every Claimwire problem type URI. */
    public static final String BASE = "https://claimwire.org/problems/";

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The last path segment of the type URI, e.g. {@code invalid-cursor}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String uri() {
        return BASE + slug();
    }
}
