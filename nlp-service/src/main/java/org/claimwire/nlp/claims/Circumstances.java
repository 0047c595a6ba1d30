package org.claimwire.nlp.claims;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.claimwire.events.Enrichment;
import org.claimwire.nlp.doc.Edge;
import org.claimwire.nlp.doc.ParsedDoc;
import org.claimwire.nlp.doc.Sentence;
import org.claimwire.nlp.doc.Token;
import org.claimwire.nlp.entities.StoryEntities;
import org.claimwire.nlp.entities.StoryEntities.Ref;

/** To whom and when a claim was made: the addressee and the time of the cue. */
final class Circumstances {
    private static final Set<String> TEMPORAL_RELS = Set.of("obl:tmod", "obl:on", "obl:in", "obl:at", "obl:during",
            "nmod:tmod", "obl:npmod", "advmod");
    static final Set<String> REQUEST_WORDS = Set.of("request", "call", "message", "comment", "query", "inquiry",
            "email", "question", "requests", "calls", "messages", "queries", "inquiries", "emails", "questions");

    private final CueLexicon lex;

    Circumstances(CueLexicon lex) {
        this.lex = lex;
    }

    /** "told TASS", "noted to the newspaper", "in an interview with X". */
    Ref recipient(Sentence s, int k, String lemma, StoryEntities ents) {
        List<Edge> cands = new ArrayList<>();
        if (lex.has(lemma, "recipient")) {
            cands.addAll(s.out(k, r -> r.equals("obj") || r.equals("iobj")));
        }
        cands.addAll(s.out(k, r -> r.equals("obl:to") || r.equals("iobj")));
        for (Edge e : cands) {
            Token h = s.token(e.dep());
            if (h.pos().startsWith("PRP") && !h.lower().equals("it")) {
                continue;
            }
            List<Integer> toks = s.subtree(e.dep(), c -> s.rel(c).startsWith("acl") || s.rel(c).equals("punct")
                    || s.rel(c).equals("case"));
            return ents.resolveNounPhrase(s, e.dep(), toks.get(0), toks.get(toks.size() - 1) + 1);
        }
        for (int i = 0; i + 2 < s.size(); i++) {
            String w = s.token(i).lemma().toLowerCase(Locale.ROOT);
            if ((w.equals("interview") && s.token(i + 1).lower().equals("with"))
                    || (w.equals("speak") && s.token(i + 1).lower().equals("to"))) {
                int j = i + 2;
                while (j < s.size() && (s.token(j).pos().equals("DT") || s.token(j).pos().equals("PRP$"))) {
                    j++;
                }
                int end = j;
                while (end < s.size() && (s.token(end).pos().startsWith("NN") || s.token(end).pos().equals("POS")
                        || s.token(end).pos().equals("JJ"))) {
                    end++;
                }
                if (end > j) {
                    return ents.resolveNounPhrase(s, end - 1, i + 2, end);
                }
            }
        }
        return null;
    }

    /** "no response to a request for comment" mentions a request. */
    static boolean mentionsRequest(Sentence s) {
        for (Token t : s.tokens()) {
            if (REQUEST_WORDS.contains(t.lower())) {
                return true;
            }
        }
        return false;
    }

    /** The outlet in "a Reuters request for comment" / "requests from Reuters". */
    static Ref requester(Sentence s, int np, StoryEntities ents) {
        if (np < 0) {
            return null;
        }
        for (int t : s.subtree(np, c -> s.rel(c).startsWith("acl"))) {
            if ("ORGANIZATION".equals(s.token(t).ner()) || "PERSON".equals(s.token(t).ner())) {
                var m = ents.mentionAt(s.index(), t);
                if (m != null && m.entity() != null) {
                    return new Ref(m.entity(), m.begin(), m.end(), m.text());
                }
            }
        }
        return null;
    }

    /** A temporal dependent of the cue ("on Friday", "yesterday"), normalised against the story date. */
    static Enrichment.TimeRef time(ParsedDoc doc, Sentence s, int k, LocalDate refDate) {
        for (Edge e : s.out(k, TEMPORAL_RELS::contains)) {
            Token t = s.token(e.dep());
            if (!TimeNormaliser.isTimeWord(t.word())) {
                continue;
            }
            List<Integer> toks = s.subtree(e.dep(), c -> s.rel(c).equals("case") || s.rel(c).equals("punct")
                    || s.rel(c).startsWith("acl"));
            String text = doc.span(s.token(toks.get(0)).begin(), s.token(toks.get(toks.size() - 1)).end());
            return new Enrichment.TimeRef(text, TimeNormaliser.normalise(text, refDate));
        }
        return null;
    }

    /** The first date word of an unparsed sentence (for unattributed statements). */
    static Enrichment.TimeRef sentenceTime(ParsedDoc doc, Sentence s, LocalDate refDate) {
        for (int i = 0; i < s.size(); i++) {
            Token t = s.token(i);
            if (t.isProperNoun() && TimeNormaliser.isTimeWord(t.word()) || t.lower().matches("today|yesterday")) {
                int end = i;
                if (i + 1 < s.size() && s.token(i + 1).pos().equals("CD")) {
                    end = i + 1;
                }
                String text = doc.span(t.begin(), s.token(end).end());
                return new Enrichment.TimeRef(text, TimeNormaliser.normalise(text, refDate));
            }
        }
        return null;
    }
}
