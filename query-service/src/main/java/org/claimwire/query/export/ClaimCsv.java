package org.claimwire.query.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;
import org.claimwire.query.persistence.Views.ClaimView;

/**
 * Claims as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line break in double
 * quotes, quotes doubled), one claim per row under a header row. Plain Java.
 */
public final class ClaimCsv {
    private ClaimCsv() {
    }

    /** The columns, in order; {@code about_ids} holds the ids of the entities the claim is about, space-separated. */
    public static final List<String> COLUMNS = List.of("claim_id", "said_at", "kind", "stance", "mode", "speaker_id",
            "speaker", "speaker_text", "cue", "content", "recipient_id", "recipient", "recipient_text", "about_ids",
            "time_text", "time_normalized", "check_worthiness", "confidence", "story_id", "story_uri", "story_version",
            "headline", "source", "language");

    public static void header(Writer w) throws IOException {
        w.write(String.join(",", COLUMNS));
        w.write("\r\n");
    }

    public static void row(Writer w, ClaimView c) throws IOException {
        field(w, Long.toString(c.id()), false);
        field(w, c.saidAt() == null ? null : c.saidAt().toString(), true);
        field(w, c.kind(), true);
        field(w, c.stance(), true);
        field(w, c.mode(), true);
        field(w, c.speaker() == null || c.speaker().id() == null ? null : c.speaker().id().toString(), true);
        field(w, c.speaker() == null ? null : c.speaker().name(), true);
        field(w, c.speakerText(), true);
        field(w, c.cue(), true);
        field(w, c.content(), true);
        field(w, c.recipient() == null || c.recipient().id() == null ? null : c.recipient().id().toString(), true);
        field(w, c.recipient() == null ? null : c.recipient().name(), true);
        field(w, c.recipientText(), true);
        field(w, c.about() == null ? null : c.about().stream().map(String::valueOf).collect(Collectors.joining(" ")), true);
        field(w, c.time(), true);
        field(w, c.timeNormalized(), true);
        field(w, Double.toString(c.checkWorthiness()), true);
        field(w, Double.toString(c.confidence()), true);
        field(w, Long.toString(c.storyId()), true);
        field(w, c.uri(), true);
        field(w, Integer.toString(c.storyVersion()), true);
        field(w, c.headline(), true);
        field(w, c.source(), true);
        field(w, c.language(), true);
        w.write("\r\n");
    }

    /** One field: empty for null, quoted only when it must be. */
    static void field(Writer w, String value, boolean comma) throws IOException {
        if (comma) {
            w.write(',');
        }
        if (value == null || value.isEmpty()) {
            return;
        }
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char ch = value.charAt(i);
            quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
        }
        if (!quote) {
            w.write(value);
            return;
        }
        w.write('"');
        w.write(value.replace("\"", "\"\""));
        w.write('"');
    }
}
