package org.claimwire.nlp.pipeline;

/** Length-preserving clean-up of body text before tokenization, so offsets stay valid. */
public final class TextPrep {
    private TextPrep() {
    }

    /**
     * Wire copy is often hard-wrapped at ~70 columns. A newline is kept as a paragraph break when it is
     * followed by a blank line or indentation, or preceded by sentence-final punctuation or a closing
     * quote; any other newline is a line wrap and becomes a space (sentence splitting treats every
     * remaining newline as a break). Same length as the input.
     */
    public static String unwrapLines(String text) {
        if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        char[] c = text.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] == '\r') {
                c[i] = (i + 1 < c.length && c[i + 1] == '\n') ? ' ' : '\n';
            }
        }
        for (int i = 0; i < c.length; i++) {
            if (c[i] != '\n') {
                continue;
            }
            int p = i - 1;
            while (p >= 0 && (c[p] == ' ' || c[p] == '\t')) {
                p--;
            }
            int q = i + 1;
            boolean paragraph = q >= c.length || c[q] == '\n' || c[q] == ' ' || c[q] == '\t' || p < 0 || c[p] == '\n';
            if (!paragraph) {
                char prev = c[p];
                paragraph = ".!?:;\"”’'".indexOf(prev) >= 0;
            }
            if (!paragraph) {
                c[i] = ' ';
            }
        }
        return new String(c);
    }
}
