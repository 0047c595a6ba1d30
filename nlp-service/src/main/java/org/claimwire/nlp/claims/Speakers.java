package org.claimwire.nlp.claims;

import java.util.List;
import java.util.Set;
import org.claimwire.nlp.doc.Edge;
import org.claimwire.nlp.doc.Sentence;
import org.claimwire.nlp.doc.Token;
import org.claimwire.nlp.entities.StoryEntities;
import org.claimwire.nlp.entities.StoryEntities.Ref;

/** The source of a cue: which token it is for each cue form, and the phrase resolved to an entity. */
final class Speakers {
    private static final Set<String> FIRST_SECOND_PERSON = Set.of("i", "we", "you", "me", "us", "my", "our", "your");

    private Speakers() {
    }

    /**
     * The source token of the cue at {@code k}: its subject (following "who" and conjoined verbs through the
     * enhanced graph); for a participle the subject of the clause it hangs from; for "a statement saying"
     * the noun; for a passive the "by" agent. -1 when there is none.
     */
    static int sourceToken(Sentence s, int k, CueFinder.Form form, CueLexicon lex) {
        return switch (form) {
            case CLAUSE -> subject(s, k);
            case INVERTED -> invertedSubject(s, k, lex);
            case PARTICIPLE -> participleSource(s, k, lex);
            case NOMINAL_PARTICIPLE -> s.head(k);
            case PASSIVE -> {
                for (Edge e : s.out(k, r -> r.equals("obl:agent") || r.equals("obl:by"))) {
                    yield e.dep();
                }
                yield -1;
            }
            case ACCORDING_TO -> s.head(k);
            case NOUN -> nounSource(s, k);
        };
    }

    /**
     * "X said A, adding B": the participle's source is the subject of the nearest cue above it, else of
     * the main clause (a parser often hangs the participle on a lower verb: "rates would rise, adding").
     */
    private static int participleSource(Sentence s, int k, CueLexicon lex) {
        int nearest = -1;
        int top = -1;
        int guard = 0;
        for (int h = s.head(k); h >= 0 && guard++ < s.size(); h = s.head(h)) {
            int subj = subject(s, h);
            if (subj < 0) {
                continue;
            }
            if (s.token(h).isVerb() && lex.isCue(s.token(h).lemma())) {
                return subj;
            }
            if (nearest < 0) {
                nearest = subj;
            }
            top = subj;
        }
        return top >= 0 ? top : nearest;
    }

    private static final Set<String> INVERSION_RELS = Set.of("obj", "xcomp", "iobj", "dep", "appos", "obl");

    /**
     * "“...,” said Caddell" / "..., says Smith": the parser often takes the postposed source for an object.
     * A finite cue (not a tell-like one) without a subject, right after a comma, dash or closing quote, whose
     * next word starts a noun phrase hanging from it, has that phrase as its source. -1 otherwise.
     */
    static int invertedSubject(Sentence s, int k, CueLexicon lex) {
        if (k == 0 || k + 1 >= s.size() || !s.token(k).pos().matches("VBD|VBZ|VBP")
                || lex.has(s.token(k).lemma(), "recipient")
                || !s.out(k, r -> r.startsWith("nsubj") || r.equals("aux:pass") || r.equals("expl")).isEmpty()) {
            return -1;
        }
        String before = s.token(k - 1).word();
        if (!(before.equals(",") || before.equals("--") || before.equals("—") || before.equals("―")
                || Quotes.isQuoteMark(before) || before.equals("’”") || before.equals("'"))) {
            return -1;
        }
        return postposedSource(s, k);
    }

    /**
     * The noun phrase that starts right after the cue at {@code k} ("said Linda Wells, a lawyer"): a dependent
     * of the cue when the parser attached it there, else the last noun of the words up to the next comma
     * (a quoted subject often draws the name into its own phrase). -1 when the cue is not followed by one.
     */
    static int postposedSource(Sentence s, int k) {
        if (k + 1 >= s.size()) {
            return -1;
        }
        for (int c : s.children(k)) {
            if (c <= k || !INVERSION_RELS.contains(s.rel(c))) {
                continue;
            }
            Token t = s.token(c);
            if (!(t.isNoun() || t.pos().equals("PRP"))) {
                continue;
            }
            List<Integer> np = s.subtree(c, x -> s.rel(x).equals("punct") || s.rel(x).startsWith("acl")
                    || s.rel(x).startsWith("appos"));
            if (np.get(0) == k + 1) {
                return c;
            }
        }
        int last = -1;
        for (int i = k + 1; i < s.size() && i <= k + 6; i++) {
            Token t = s.token(i);
            if (t.isNoun()) {
                last = i;
            } else if (!(t.pos().equals("DT") || t.pos().equals("JJ") || t.pos().equals("POS") || t.pos().equals("PRP$"))) {
                break;
            }
        }
        return last >= 0 && s.token(k + 1).isNoun() || last >= 0 && s.token(k + 1).pos().equals("DT") ? last : -1;
    }

    /** Light verbs whose subject is the source of their cue-noun object: "Trump made the claim that ...". */
    private static final Set<String> LIGHT_VERBS = Set.of("make", "issue", "repeat", "voice", "express", "offer",
            "release", "publish", "give", "float", "air", "renew", "reiterate", "send", "deliver", "post");

    /**
     * The source of a cue noun: its possessor ("his claim", "the report's finding"), its "by" phrase ("the
     * claim by the mayor"), or the subject of the light verb it is the object of ("made the claim"). -1 if none.
     */
    static int nounSource(Sentence s, int k) {
        for (Edge e : s.out(k, r -> r.equals("nmod:poss") || r.equals("nmod:by") || r.equals("nmod:agent"))) {
            return e.dep();
        }
        int v = s.head(k);
        if (v >= 0 && s.rel(k).equals("obj") && LIGHT_VERBS.contains(s.token(v).lemma().toLowerCase(java.util.Locale.ROOT))) {
            return subject(s, v);
        }
        return -1;
    }

    /**
     * The subject of {@code k}. Where a garbled parse gives it two ("It was, the president said, ''...''"), the
     * one closest before the cue: a reporting clause's subject stands right before its verb.
     */
    static int subject(Sentence s, int k) {
        int best = -1;
        for (Edge e : s.out(k, r -> r.equals("nsubj") || r.equals("nsubj:xsubj"))) {
            int h = firstConjunctHead(s, e.dep());
            if (best < 0 || h < k && (best > k || h > best)) {
                best = h;
            }
        }
        return best;
    }

    private static int firstConjunctHead(Sentence s, int tok) {
        // enhanced++ gives one nsubj per conjunct; the basic tree's first conjunct heads the phrase
        int h = tok;
        while (s.rel(h).equals("conj") && s.head(h) >= 0 && s.head(h) < h) {
            h = s.head(h);
        }
        return h;
    }

    /**
     * "I believe ...", "we know ..." outside any quote: the writer of an opinion piece or letter speaks, and
     * annotators mark the writer as the source. Inside a quote the first person is the quoted speaker, whose
     * quote already is the claim.
     */
    static boolean isWriter(Token t) {
        return t.lower().equals("i") || t.lower().equals("we");
    }

    static boolean isFirstOrSecondPerson(Token t) {
        return FIRST_SECOND_PERSON.contains(t.lower());
    }

    /** Nobody in particular: "anyone who says so", "no one disputed it", "everybody wants a raise". */
    private static final Set<String> INDEFINITE = Set.of("anybody", "anyone", "somebody", "someone", "nobody",
            "everybody", "everyone");
    /** Indefinites that can stand for one unnamed person: "someone asked how ..." (but "someone who says"). */
    private static final Set<String> SOMEONE = Set.of("somebody", "someone");

    /**
     * Sources that make no claim of a story's subject: "I said", "we think", "there was said", expletive "it",
     * and indefinite pronouns ("no one disputed", "anyone who says"), which name no one who could be asked.
     */
    static boolean isNonSource(Sentence s, int k, int subj) {
        Token st = s.token(subj);
        boolean noOne = st.lower().equals("one") && s.children(subj).stream().anyMatch(c -> s.token(c).lower().equals("no"));
        boolean named = s.children(subj).stream().anyMatch(c -> s.rel(c).startsWith("nmod")); // "someone like Mr. Clarke"
        boolean generic = s.children(subj).stream().anyMatch(c -> s.rel(c).startsWith("acl")); // "someone who says"
        if (SOMEONE.contains(st.lower()) && !generic) {
            return false; // "then someone asked how ...": one person, unnamed
        }
        return FIRST_SECOND_PERSON.contains(st.lower()) || st.pos().equals("EX")
                || (INDEFINITE.contains(st.lower()) || noOne) && !named
                || (st.lower().equals("it") && !s.out(k, r -> r.equals("nsubj:pass") || r.equals("expl")).isEmpty());
    }

    private static final Set<String> RELATIVE_PRONOUNS = Set.of("who", "which", "that");

    /**
     * "McConnell, who in 2010 said ...": the annotated source of a relative clause's cue is the relative
     * pronoun, resolved (like "he") to the entity of its antecedent. Without an entity the antecedent phrase
     * ("some economists") stays the source: a bare "who" would tell a reader nothing.
     */
    static Ref viaRelativePronoun(Sentence s, int k, Ref antecedent) {
        if (antecedent == null || antecedent.entity() == null || !s.rel(k).startsWith("acl:relcl")) {
            return antecedent;
        }
        for (int c : s.children(k)) {
            Token t = s.token(c);
            if (s.rel(c).startsWith("nsubj") && RELATIVE_PRONOUNS.contains(t.lower()) && t.pos().startsWith("W")) {
                return new Ref(antecedent.entity(), t.begin(), t.end(), t.word());
            }
        }
        return antecedent;
    }

    /** The source phrase (without relative clauses and punctuation), resolved to an entity where one exists. */
    static Ref resolve(Sentence s, int subj, StoryEntities ents) {
        List<Integer> toks = s.subtree(subj, c -> {
            String r = s.rel(c);
            return r.startsWith("acl") || r.equals("punct") || r.equals("parataxis") || r.equals("case") && s.head(c) == subj
                    || r.startsWith("appos") && s.token(c).pos().startsWith("PRP");
        });
        int from = toks.get(0);
        int to = toks.get(toks.size() - 1) + 1;
        // coordinated speakers ("Washington and Moscow") are not one entity
        for (int c : s.children(subj)) {
            if (s.rel(c).equals("conj") && !"O".equals(s.token(c).ner())) {
                StringBuilder text = new StringBuilder();
                for (int i = from; i < to; i++) {
                    text.append(i > from ? " " : "").append(s.token(i).word());
                }
                return new Ref(null, s.token(from).begin(), s.token(to - 1).end(), text.toString());
            }
        }
        return ents.resolveNounPhrase(s, subj, from, to);
    }
}
