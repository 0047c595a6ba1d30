package org.claimwire.nlp.pipeline;

import java.nio.charset.StandardCharsets;
import org.claimwire.problems.ProblemType;

/** Rejects input that cannot be enriched, with its problem type and a reason a person can act on. */
public final class InputCheck {
    /** Bodies above this many UTF-8 bytes are refused (413). */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    /** The kind of problem (the shared catalogue: one status and title per kind) and a reason a person can act on. */
    public static final class Rejected extends RuntimeException {
        private final ProblemType type;

        public Rejected(ProblemType type, String detail) {
            super(detail);
            this.type = type;
        }

        public ProblemType type() {
            return type;
        }
    }

    private InputCheck() {
    }

    public static void check(String body) {
        if (body == null || body.isBlank()) {
            throw new Rejected(ProblemType.MALFORMED, "the story has no body text to enrich");
        }
        int bytes = body.length() > MAX_BODY_BYTES / 3 ? body.getBytes(StandardCharsets.UTF_8).length : body.length();
        if (bytes > MAX_BODY_BYTES) {
            throw new Rejected(ProblemType.TOO_LARGE,
                    "the body has " + bytes + " bytes; at most " + MAX_BODY_BYTES + " (1 MiB) are accepted");
        }
        // Only undecodable or control characters make a body poison. Few letters do not: a results table
        // ("Shr 1.20 dlrs vs 98 cts / Net 12.4 mln vs 9.8 mln") is a real wire story; refusing it lost
        // eight Reuters stories in the soak run.
        int control = 0;
        int replacement = 0;
        int n = body.length();
        for (int i = 0; i < n; i++) {
            char c = body.charAt(i);
            if (c == '\uFFFD') {
                replacement++;
            } else if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' || Character.getType(c) == Character.PRIVATE_USE
                    || Character.getType(c) == Character.UNASSIGNED || Character.isSurrogate(c) && !validSurrogate(body, i)) {
                control++;
            }
        }
        if (control + replacement > Math.max(2, n / 50)) {
            throw new Rejected(ProblemType.NOT_A_STORY,
                    "the body does not look like natural-language text (" + (control + replacement)
                            + " control/undecodable characters in " + n + ")");
        }
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
