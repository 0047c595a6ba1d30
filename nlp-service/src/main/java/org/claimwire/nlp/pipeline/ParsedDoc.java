package org.claimwire.nlp.pipeline;

import java.util.List;

/** The analysed body: its text and sentences (some of them dependency-parsed). */
public record ParsedDoc(String text, List<Sentence> sentences) {

    public String span(int begin, int end) {
        return text.substring(begin, end);
    }

    public int tokenCount() {
        int n = 0;
        for (Sentence s : sentences) {
            n += s.size();
        }
        return n;
    }
}
