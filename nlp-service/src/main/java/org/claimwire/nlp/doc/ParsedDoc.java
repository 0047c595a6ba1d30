package org.claimwire.nlp.doc;

import java.util.List;

/** The analysed body: its text and sentences (some of them dependency-parsed). */
public record ParsedDoc(String text, List<Sentence> sentences) {

    public String span(int begin, int end) {
        return text.substring(begin, end);
    }

    /** Whether a line break separates two sentences (paragraphs, headline and body, transcript turns). */
    public boolean paragraphBreak(Sentence a, Sentence b) {
        return a.end() <= b.begin() && text.substring(a.end(), b.begin()).indexOf('\n') >= 0;
    }

    public int tokenCount() {
        int n = 0;
        for (Sentence s : sentences) {
            n += s.size();
        }
        return n;
    }
}
