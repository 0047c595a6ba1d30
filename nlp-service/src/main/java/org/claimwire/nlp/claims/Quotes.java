package org.claimwire.nlp.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.claimwire.nlp.doc.ParsedDoc;
import org.claimwire.nlp.doc.Sentence;
import org.claimwire.nlp.doc.Token;

/**
 * Direct-quote spans of a story, tolerant of broken quoting in real copy: a closing mark without an
 * opening one starts the quote at the beginning of its sentence; an opening mark that is never closed
 * ends at an attribution inside its sentence (", he said") or else at the end of its paragraph or
 * before the next opening mark.
 */
final class Quotes {
    private static final Set<String> OPEN = Set.of("“", "„", "«", "``");
    private static final Set<String> CLOSE = Set.of("”", "»", "''");

    /** A quote: body offsets of its words [begin, end), without the marks; {@code broken} when a mark was missing. */
    record Quote(int begin, int end, int startSent, int endSent, boolean broken) {
        boolean overlaps(int b, int e) {
            return b < end && begin < e;
        }

        boolean contains(int b, int e) {
            return begin <= b && e <= end;
        }
    }

    private Quotes() {
    }

    static boolean isQuoteMark(String w) {
        return OPEN.contains(w) || CLOSE.contains(w) || w.equals("\"");
    }

    static List<Quote> find(ParsedDoc doc, CueLexicon cues) {
        List<Quote> out = new ArrayList<>();
        List<Sentence> ss = doc.sentences();
        String text = doc.text();
        int openSent = -1;
        int openTok = -1;
        int nested = 0;
        for (int si = 0; si < ss.size(); si++) {
            Sentence s = ss.get(si);
            if (si > 0 && doc.paragraphBreak(ss.get(si - 1), s)) {
                nested = 0;
                if (openSent >= 0) {
                    Sentence last = ss.get(si - 1);
                    addBroken(out, doc, openSent, openTok, si - 1, last.size(), cues);
                    openSent = -1;
                }
            }
            for (int k = 0; k < s.size(); k++) {
                Token t = s.token(k);
                String w = t.word();
                boolean isOpen;
                boolean isClose;
                if (w.equals("\"")) {
                    Side side = straightSide(text, t);
                    isOpen = side == Side.OPEN || side == Side.EITHER && openSent < 0;
                    isClose = !isOpen;
                } else {
                    boolean ascii = asciiDoubleOpening(text, s, k, openSent);
                    isOpen = OPEN.contains(w) || ascii || CLOSE.contains(w) && openSent < 0 && opensLine(text, s, k);
                    isClose = !isOpen && CLOSE.contains(w);
                }
                if (isOpen && !isClose && openSent >= 0 && OPEN.contains(w) && closesAhead(doc, si, k) >= 2) {
                    nested++; // “... what he calls “hell” than ...”: a quote inside the open one
                } else if (isClose && nested > 0 && CLOSE.contains(w)) {
                    nested--;
                } else if (isOpen && !isClose) {
                    if (openSent >= 0) {
                        addBroken(out, doc, openSent, openTok, si, k, cues);
                    }
                    openSent = si;
                    openTok = k;
                } else if (isClose) {
                    if (openSent >= 0) {
                        add(out, doc, ss.get(openSent).token(openTok).end(), t.begin(), openSent, si, false);
                        openSent = -1;
                    } else if (k > 0) {
                        add(out, doc, s.token(0).begin(), t.begin(), si, si, true);
                    }
                }
            }
        }
        if (openSent >= 0) {
            addBroken(out, doc, openSent, openTok, ss.size() - 1, ss.get(ss.size() - 1).size(), cues);
        }
        return out;
    }


    /** Closing curly marks after (si, k) up to the next opening mark or the end of the paragraph. */
    private static int closesAhead(ParsedDoc doc, int si, int k) {
        List<Sentence> ss = doc.sentences();
        int n = 0;
        for (int i = si; i < ss.size(); i++) {
            Sentence s = ss.get(i);
            if (i > si && doc.paragraphBreak(ss.get(i - 1), s)) {
                return n;
            }
            for (int j = i == si ? k + 1 : 0; j < s.size(); j++) {
                String w = s.token(j).word();
                if (OPEN.contains(w)) {
                    return n;
                }
                if (CLOSE.contains(w)) {
                    n++;
                }
            }
        }
        return n;
    }

    private enum Side { OPEN, CLOSE, EITHER }

    /**
     * Which side of a quote a straight mark stands on, from its neighbours: after a space and before a word
     * it opens, after a word and before a space or punctuation it closes. Copy that mixes straight and curly
     * marks or drops one mark would otherwise flip every later quote inside out.
     */
    private static Side straightSide(String text, Token t) {
        char before = t.begin() == 0 ? '\n' : text.charAt(t.begin() - 1);
        char after = t.end() >= text.length() ? '\n' : text.charAt(t.end());
        boolean openBefore = Character.isWhitespace(before) || Character.isSpaceChar(before) || "([{—–-".indexOf(before) >= 0;
        boolean closeAfter = Character.isWhitespace(after) || Character.isSpaceChar(after) || ".,;:!?)]}—–-".indexOf(after) >= 0;
        if (openBefore && !closeAfter) {
            return Side.OPEN;
        }
        if (closeAfter && !openBefore) {
            return Side.CLOSE;
        }
        return Side.EITHER;
    }

    /**
     * A closing mark typed where an opening one belongs (”Fear. I am afraid ...”): at the start of a line
     * and before a word it can only open a quote.
     */
    private static boolean opensLine(String text, Sentence s, int k) {
        if (k + 1 >= s.size() || s.token(k + 1).isPunct()) {
            return false;
        }
        for (int i = s.token(k).begin() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n') {
                return true;
            }
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Copy that quotes with two apostrophes both ways (''like this,'' she said): '' opens a quote when none
     * is open and it stands before a word, after a space or at the start of a line.
     */
    private static boolean asciiDoubleOpening(String text, Sentence s, int k, int openSent) {
        Token t = s.token(k);
        if (openSent >= 0 || !t.word().equals("''") || k + 1 >= s.size() || s.token(k + 1).isPunct()) {
            return false;
        }
        int b = t.begin();
        return b == 0 || Character.isWhitespace(text.charAt(b - 1)) || "([—-".indexOf(text.charAt(b - 1)) >= 0;
    }

    /** An opening mark at (os, ot) never closed before (limitSent, limitTok). */
    private static void addBroken(List<Quote> out, ParsedDoc doc, int os, int ot, int limitSent, int limitTok, CueLexicon cues) {
        Sentence s = doc.sentences().get(os);
        // ", he said" / ", Trump noted" inside the opening sentence ends the quote at the comma
        for (int k = ot + 1; k < s.size(); k++) {
            if (!s.token(k).word().equals(",")) {
                continue;
            }
            for (int j = k + 1; j < Math.min(s.size(), k + 6); j++) {
                Token t = s.token(j);
                if (t.isVerb() && cues.isCue(t.lemma())) {
                    add(out, doc, s.token(ot).end(), s.token(k).begin(), os, os, true);
                    return;
                }
            }
        }
        Sentence ls = doc.sentences().get(limitSent);
        int endTok = limitTok - 1;
        Token last = endTok >= 0 ? ls.token(endTok) : null;
        int end = last != null ? last.end() : s.end();
        add(out, doc, s.token(ot).end(), end, os, limitSent, true);
    }

    private static void add(List<Quote> out, ParsedDoc doc, int begin, int end, int s1, int s2, boolean broken) {
        String text = doc.text();
        while (begin < end && Character.isWhitespace(text.charAt(begin))) {
            begin++;
        }
        while (end > begin && (Character.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == ',')) {
            end--;
        }
        if (end - begin >= 2) {
            out.add(new Quote(begin, end, s1, s2, broken));
        }
    }
}
