package org.claimwire.nlp.claims;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.claimwire.events.Enrichment;
import org.claimwire.events.Enrichment.EntityType;
import org.claimwire.events.Enrichment.Mode;
import org.claimwire.nlp.doc.ParsedDoc;
import org.claimwire.nlp.doc.Sentence;
import org.claimwire.nlp.doc.Token;
import org.claimwire.nlp.entities.Entity;
import org.claimwire.nlp.entities.StoryEntities;
import org.claimwire.nlp.entities.StoryEntities.Ref;

/**
 * Attributions marked by layout rather than a verb, found without a parse: a paragraph or headline that
 * opens with a name and a colon ("PENCE: Well, ...", "Warren: 'You should be investigated'"), and a
 * quote signed with a dash on its own line (“...” ― Jane Doe).
 */
final class LabelledQuotes {
    private static final Set<String> NOT_SOURCES = Set.of("update", "updated", "note", "editor", "correction",
            "related", "watch", "read", "photo", "photos", "video", "source", "q", "a", "advertisement", "caption",
            "credit", "breaking", "exclusive", "opinion", "analysis", "live", "listen", "subscribe", "share");
    private static final Set<String> DASHES = Set.of("―", "—", "–", "-", "--");
    private static final int MAX_LABEL_TOKENS = 5;

    private LabelledQuotes() {
    }

    /** "NAME: content" opening a paragraph; the content runs to the end of the paragraph. */
    static void colonLabels(ParsedDoc doc, StoryEntities ents, List<Draft> drafts) {
        List<Sentence> ss = doc.sentences();
        for (int si = 0; si < ss.size(); si++) {
            Sentence s = ss.get(si);
            if (si > 0 && !doc.paragraphBreak(ss.get(si - 1), s)) {
                continue;
            }
            int first = 0; // a transcript quoted paragraph by paragraph: "WALLACE: ... (straight quote first)
            while (first < s.size() && Quotes.isQuoteMark(s.token(first).word())) {
                first++;
            }
            int colon = -1;
            for (int k = first + 1; k <= first + MAX_LABEL_TOKENS && k < s.size(); k++) {
                if (s.token(k).word().equals(":")) {
                    colon = k;
                    break;
                }
            }
            if (colon < 0 || colon + 3 > s.size()) {
                continue;
            }
            boolean evidence = colon == first + 1 && ClaimExtractor.isEvidenceWord(s.token(first));
            Entity named = namedElsewhere(s, first, colon, ents);
            if (!evidence && named == null && !isLabel(s, first, colon)) {
                continue;
            }
            int last = si;
            while (last + 1 < ss.size() && !doc.paragraphBreak(ss.get(last), ss.get(last + 1))) {
                last++;
            }
            int cb = s.token(Quotes.isQuoteMark(s.token(colon + 1).word()) ? colon + 2 : colon + 1).begin();
            int ce = ss.get(last).end();
            if (attributedFromOutside(drafts, cb, ce)) {
                continue;
            }
            Draft d = new Draft();
            d.sent = si;
            d.speaker = ents.resolveNounPhrase(s, colon - 1, first, colon);
            if (d.speaker.entity() == null && named != null) {
                d.speaker = new Ref(named, d.speaker.begin(), d.speaker.end(), d.speaker.text());
            }
            if (evidence) {
                d.kind = Enrichment.Kind.EVIDENCE; // "Poll: most voters back the plan"
            }
            Token c = s.token(colon);
            d.cue = new Enrichment.Cue(c.begin(), c.end(), c.word(), ":");
            d.cb = cb;
            d.ce = trimEnd(doc, cb, ce);
            d.mode = Mode.DIRECT;
            drafts.add(d);
        }
    }

    /**
     * "Pence: ..." in a headline, where the tagger sees no name: a label of one or two capitalised words
     * that the story names elsewhere as a person or organisation ("Mike Pence") is that entity.
     */
    private static Entity namedElsewhere(Sentence s, int first, int colon, StoryEntities ents) {
        if (colon - first > 2) {
            return null;
        }
        for (int i = first; i < colon; i++) {
            String w = s.token(i).word();
            if (w.length() < 2 || !Character.isUpperCase(w.charAt(0)) || NOT_SOURCES.contains(w.toLowerCase(Locale.ROOT))) {
                return null;
            }
        }
        String label = s.token(colon - 1).word();
        for (Entity e : ents.entities()) {
            if ((e.type() == EntityType.PERSON || e.type() == EntityType.ORGANIZATION) && e.mentions().size() >= 1
                    && e.name().contains(" ") && List.of(e.name().split("\\s+")).contains(label)) {
                return e;
            }
        }
        return null;
    }

    private static boolean isLabel(Sentence s, int first, int colon) {
        boolean named = false;
        for (int i = first; i < colon; i++) {
            Token t = s.token(i);
            if (NOT_SOURCES.contains(t.lower())) {
                return false;
            }
            boolean caps = t.word().length() >= 2 && t.word().equals(t.word().toUpperCase(Locale.ROOT))
                    && Character.isLetter(t.word().charAt(0));
            if (t.isProperNoun() || caps) {
                named |= "PERSON".equals(t.ner()) || "ORGANIZATION".equals(t.ner()) || caps && t.word().length() >= 3;
            } else if (!(t.pos().equals("DT") || t.pos().equals("POS") || t.pos().equals(".") || t.isNoun())) {
                return false;
            }
        }
        // a place ("WASHINGTON:") is a dateline, not a source
        return named && !"LOCATION".equals(s.token(colon - 1).ner());
    }

    /**
     * A headline that ends in its source: "Trump Could Address Clean Energy, Lindsey Graham Says." The line
     * before the comma is the content; the capitalised words between the comma and the verb the source.
     */
    static void headlineSays(ParsedDoc doc, StoryEntities ents, List<Draft> drafts) {
        List<Sentence> ss = doc.sentences();
        for (int si = 0; si < ss.size(); si++) {
            Sentence s = ss.get(si);
            boolean wholeLine = (si == 0 || doc.paragraphBreak(ss.get(si - 1), s))
                    && (si + 1 >= ss.size() || doc.paragraphBreak(s, ss.get(si + 1)));
            int v = s.size() - 1;
            if (v > 0 && s.token(v).word().equals(".")) {
                v--;
            }
            if (!wholeLine || v < 4 || !HEADLINE_SAYS.contains(s.token(v).word())) {
                continue;
            }
            int comma = v - 1;
            while (comma > 0 && v - comma <= MAX_LABEL_TOKENS + 1 && !s.token(comma).word().equals(",")) {
                Token t = s.token(comma);
                if (!Character.isUpperCase(t.word().charAt(0)) && !t.pos().equals("POS") && !t.word().equals(".")) {
                    comma = -1;
                    break;
                }
                comma--;
            }
            if (comma < 2 || !s.token(comma).word().equals(",") || comma + 1 >= v) {
                continue;
            }
            int cb = s.token(0).begin();
            int ce = s.token(comma - 1).end();
            if (attributedFromOutside(drafts, cb, ce)) {
                continue;
            }
            Draft d = new Draft();
            d.sent = si;
            Token c = s.token(v);
            Ref source = ents.resolveNounPhrase(s, v - 1, comma + 1, v);
            // the tagger may take the verb into the name ("Senate Leader Says"): then there is no entity
            boolean verbInName = source.entity() != null && source.entity().name().endsWith(c.word());
            d.speaker = verbInName ? new Ref(null, source.begin(), source.end(), source.text()) : source;
            d.cue = new Enrichment.Cue(c.begin(), c.end(), c.word(), "say");
            d.cb = cb;
            d.ce = ce;
            drafts.add(d);
        }
    }

    private static final Set<String> HEADLINE_SAYS = Set.of("Says", "Say", "Said", "Warns", "Claims", "Tells");

    /** A quote followed by a dash and a name that ends the paragraph: the name signs the quote. */
    static void dashSignatures(ParsedDoc doc, StoryEntities ents, List<Quotes.Quote> quotes, List<Draft> drafts) {
        String text = doc.text();
        List<Sentence> ss = doc.sentences();
        for (Quotes.Quote q : quotes) {
            if (attributedFromOutside(drafts, q.begin(), q.end())) {
                continue;
            }
            for (int si = q.endSent(); si < ss.size() && si <= q.endSent() + 1; si++) {
                Sentence s = ss.get(si);
                int dash = -1;
                for (int k = 0; k < s.size(); k++) {
                    Token t = s.token(k);
                    if (t.begin() >= q.end() && DASHES.contains(t.word())
                            && text.substring(q.end(), t.begin()).matches("(?U)[\\s”\"’'.,!?]*")) {
                        dash = k;
                        break;
                    }
                }
                if (dash < 0 || dash + 1 >= s.size() || !s.token(dash + 1).isProperNoun()) {
                    continue;
                }
                int end = dash + 1;
                while (end < s.size() && (s.token(end).isProperNoun() || s.token(end).pos().equals("POS")
                        || s.token(end).word().equals("."))) {
                    end++;
                }
                boolean endsLine = end >= s.size() || s.token(end).word().equals(",")
                        || text.substring(s.token(end - 1).end(), s.token(end).begin()).indexOf('\n') >= 0;
                if (!endsLine || end - dash > 6) {
                    continue;
                }
                int nameEnd = end;
                while (nameEnd > dash + 2 && s.token(nameEnd - 1).word().equals(".")) {
                    nameEnd--; // "― Carla Sanchez." : the full stop ends the line, not the name
                }
                Draft d = new Draft();
                d.sent = si;
                Ref speaker = ents.resolveNounPhrase(s, nameEnd - 1, dash + 1, nameEnd);
                d.speaker = speaker;
                Token c = s.token(dash);
                d.cue = new Enrichment.Cue(c.begin(), c.end(), c.word(), "—");
                d.cb = q.begin();
                d.ce = q.end();
                d.mode = Mode.DIRECT;
                drafts.add(d);
                break;
            }
        }
    }

    /**
     * Whether a claim whose cue stands outside [b, e) already takes at least half of it as content: then the
     * label or signature adds nothing. Claims made inside the quote (“... Trump said Hispanics ...” ― Jane
     * Doe) are nested in it and do not count.
     */
    static boolean attributedFromOutside(List<Draft> drafts, int b, int e) {
        for (Draft d : drafts) {
            boolean cueInside = d.cue != null && b <= d.cue.start() && d.cue.end() <= e;
            int overlap = Math.min(e, d.ce) - Math.max(b, d.cb);
            if (!cueInside && overlap * 2 >= e - b) {
                return true;
            }
        }
        return false;
    }

    /** Without trailing spaces, or the closing mark of a quote the content opened with. */
    private static int trimEnd(ParsedDoc doc, int b, int e) {
        String t = doc.text();
        while (e > b && Character.isWhitespace(t.charAt(e - 1))) {
            e--;
        }
        if (e > b && b > 0 && Quotes.isQuoteMark(String.valueOf(t.charAt(b - 1))) && "”\"»".indexOf(t.charAt(e - 1)) >= 0) {
            e--;
        }
        return e;
    }

}
