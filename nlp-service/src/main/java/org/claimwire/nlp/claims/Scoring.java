package org.claimwire.nlp.claims;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.claimwire.events.Enrichment.Mode;
import org.claimwire.events.Enrichment.Stance;
import org.claimwire.nlp.doc.ParsedDoc;
import org.claimwire.nlp.doc.Sentence;
import org.claimwire.nlp.doc.Token;
import org.claimwire.nlp.entities.StoryEntities.Ref;

/** How sure a claim is and how check-worthy; check-worthy sentences without a source become UNATTRIBUTED claims. */
final class Scoring {
    /** Unattributed statements at or above this score become claims. */
    static final double UNATTRIBUTED_THRESHOLD = 0.5;

    private Scoring() {
    }

    /** 0.9 with a named speaker, 0.75 through a pronoun, title or nominal, 0.6 unresolved. */
    static double confidence(Ref speaker) {
        if (speaker == null || speaker.entity() == null) {
            return 0.6;
        }
        String[] name = speaker.entity().name().split("\\s+");
        return speaker.text().contains(name[name.length - 1]) ? 0.9 : 0.75;
    }

    static List<Token> tokensBetween(ParsedDoc doc, int begin, int end) {
        List<Token> out = new ArrayList<>();
        for (Sentence s : doc.sentences()) {
            if (s.end() <= begin || s.begin() >= end) {
                continue;
            }
            for (Token t : s.tokens()) {
                if (t.begin() >= begin && t.end() <= end) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** Sentences no claim or quote touches, scored by {@link CheckWorthiness}; the worthy ones become claims. */
    static void unattributed(ParsedDoc doc, List<Quotes.Quote> quotes, List<Draft> drafts, LocalDate refDate) {
        List<Draft> found = new ArrayList<>();
        for (Sentence s : doc.sentences()) {
            if (s.size() < 6 || touched(s, drafts, quotes)) {
                continue;
            }
            double score = CheckWorthiness.score(s.tokens());
            if (score < UNATTRIBUTED_THRESHOLD) {
                continue;
            }
            int[] span = ContentSpans.trimmed(s, ContentSpans.range(0, s.size() - 1));
            if (span == null) {
                continue;
            }
            Draft d = new Draft();
            d.sent = s.index();
            d.cb = s.token(span[0]).begin();
            d.ce = s.token(span[1]).end();
            d.mode = Mode.UNATTRIBUTED;
            d.stance = Stance.ASSERTS;
            d.checkWorthiness = score;
            d.confidence = 0.5;
            d.time = Circumstances.sentenceTime(doc, s, refDate);
            found.add(d);
        }
        drafts.addAll(found);
    }

    private static boolean touched(Sentence s, List<Draft> drafts, List<Quotes.Quote> quotes) {
        for (Draft d : drafts) {
            if (d.cb < s.end() && s.begin() < d.ce || d.sent == s.index()) {
                return true;
            }
        }
        for (Quotes.Quote q : quotes) {
            if (q.overlaps(s.begin(), s.end())) {
                return true;
            }
        }
        return false;
    }
}
