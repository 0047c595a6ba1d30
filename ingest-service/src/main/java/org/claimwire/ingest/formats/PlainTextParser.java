package org.claimwire.ingest.formats;

import org.claimwire.ingest.normalise.text.TextSanitiser;

/** {@code text/plain}: the first non-blank line is the headline, the rest is the body. */
public final class PlainTextParser {
    private PlainTextParser() {
    }

    public static StoryDraft parse(String text) {
        String t = TextSanitiser.clean(text);
        if (t == null || t.isBlank()) {
            throw RejectedInput.malformed("no body: the text is empty");
        }
        t = t.strip();
        int nl = t.indexOf('\n');
        if (nl < 0) {
            throw RejectedInput.malformed("no body: plain text needs a headline line followed by the story text");
        }
        String headline = t.substring(0, nl).trim();
        String body = t.substring(nl + 1);
        return StoryDraft.of(headline, body);
    }
}
