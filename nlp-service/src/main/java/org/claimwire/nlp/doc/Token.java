package org.claimwire.nlp.doc;

/**
 * One token of a sentence: {@code index} is 0-based inside its sentence, {@code begin}/{@code end}
 * are offsets into the analysed body text.
 */
public record Token(int index, String word, String lemma, String pos, String ner, int begin, int end) {

    public boolean isVerb() {
        return pos.startsWith("VB");
    }

    public boolean isNoun() {
        return pos.startsWith("NN");
    }

    public boolean isProperNoun() {
        return pos.startsWith("NNP");
    }

    public boolean isPunct() {
        return !word.isEmpty() && !Character.isLetterOrDigit(word.codePointAt(0)) && word.length() <= 2
                && !pos.startsWith("NN") && !pos.equals("CD");
    }

    public String lower() {
        return word.toLowerCase(java.util.Locale.ROOT);
    }
}
