package org.claimwire.nlp.claims;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.claimwire.events.Enrichment.Stance;
import org.claimwire.nlp.doc.Edge;
import org.claimwire.nlp.doc.Sentence;
import org.claimwire.nlp.doc.Token;
import org.claimwire.nlp.entities.Titles;
import org.claimwire.nlp.entities.WordList;

/**
 * The stance a claim takes: denial only of assertions (a rejected offer is a decision), "neither confirm
 * nor deny", declining to comment (not declining to be named), no response.
 */
final class StanceRules {
    static final Set<String> NEGATORS = Set.of("not", "n't", "never", "no");
    static final Set<String> SILENCE_VERBS = Set.of("say", "comment", "elaborate", "discuss", "disclose",
            "reveal", "specify", "speculate", "confirm", "detail", "identify", "name", "answer", "go");
    private static final Set<String> DECISION_OBJECTS = WordList.load(StanceRules.class, "decision-objects.txt");
    private static final Set<String> ASSERTION_OBJECTS = WordList.load(StanceRules.class, "assertion-objects.txt");
    /** Subjects that rule rather than speak: what a court rejects or dismisses is decided, not denied. */
    private static final Set<String> DECIDERS = WordList.load(StanceRules.class, "deciders.txt");
    /** Subjects that cannot speak at all: "the rules deny benefits", "the settlement dismisses the charges". */
    private static final Set<String> NON_SPEAKERS = WordList.load(StanceRules.class, "non-speakers.txt");
    /** Nouns that stand for a part or version of what follows "of": "a version of the bill", "part of the plan". */
    private static final Set<String> PART_NOUNS = Set.of("version", "form", "part", "draft", "portion", "element",
            "section", "half", "bulk", "rest", "most", "aspect", "piece", "provision", "clause", "revision");
    /** Deny-cues that can take two objects, the one deprived and the thing refused: "denied him a visa". */
    private static final Set<String> GIVING_VERBS = Set.of("deny", "refuse");
    private static final Set<String> DEMONSTRATIVES = Set.of("that", "this", "these", "those");
    private static final Set<String> MODALS_OF_PROPOSAL = Set.of("should", "must", "ought", "shall");

    private final CueLexicon lex;

    StanceRules(CueLexicon lex) {
        this.lex = lex;
    }

    static boolean negated(Sentence s, int k) {
        for (int c : s.children(k)) {
            if (NEGATORS.contains(s.token(c).lower()) && (s.rel(c).equals("advmod") || s.rel(c).equals("neg")
                    || s.rel(c).equals("det"))) {
                return true;
            }
        }
        // "has so far not responded": a negator among the aux/adverbs just before the verb
        for (int i = k - 1; i >= 0 && i >= k - 4; i--) {
            Token t = s.token(i);
            if (NEGATORS.contains(t.lower())) {
                return true;
            }
            if (!(t.pos().startsWith("RB") || t.pos().equals("MD") || t.pos().startsWith("VB"))) {
                break;
            }
        }
        return false;
    }

    private static boolean isConfirmDeny(String lemma) {
        return lemma.equals("confirm") || lemma.equals("deny");
    }

    /** "deny" in "neither confirm nor deny", or a confirm/deny inside another claim that says so. */
    static boolean isPartOfNeitherConfirmNorDeny(Sentence s, int k) {
        String lemma = s.token(k).lemma().toLowerCase(Locale.ROOT);
        if (s.rel(k).equals("conj") && s.head(k) >= 0 && isConfirmDeny(lemma)
                && isConfirmDeny(s.token(s.head(k)).lemma().toLowerCase(Locale.ROOT))) {
            return true;
        }
        return isConfirmDeny(lemma) && isEmbedded(s, k) && isNcnd(s, k);
    }

    private static boolean isNcnd(Sentence s, int k) {
        for (Edge e : s.out(k, r -> r.startsWith("conj") || r.equals("cc:preconj"))) {
            String l = s.token(e.dep()).lemma().toLowerCase(Locale.ROOT);
            if (isConfirmDeny(l) || l.equals("neither")) {
                return true;
            }
        }
        return negated(s, k);
    }

    private static boolean isEmbedded(Sentence s, int k) {
        int h = k;
        while (s.rel(h).equals("conj") && s.head(h) >= 0) {
            h = s.head(h);
        }
        String r = s.rel(h);
        return r.equals("ccomp") || r.equals("xcomp") || r.equals("dep") || r.equals("parataxis") || r.startsWith("advcl");
    }

    /**
     * What "declined/refused to X" is: declining to comment ("to comment", "to name the buyer"), nothing
     * ("declined to be identified": anonymity, not silence), or an ordinary intention ("refused to resign").
     */
    enum Refusal { SILENCE, ANONYMITY, INTENTION, NONE }

    Refusal refusal(Sentence s, int k) {
        List<Edge> x = s.out(k, r -> r.equals("xcomp"));
        if (x.isEmpty()) {
            return Refusal.NONE;
        }
        int v = x.get(0).dep();
        if (isPassive(s, v)) {
            return Refusal.ANONYMITY;
        }
        if (SILENCE_VERBS.contains(s.token(v).lemma().toLowerCase(Locale.ROOT))) {
            return Refusal.SILENCE;
        }
        return lex.has(s.token(k).lemma(), "xcomp") ? Refusal.INTENTION : Refusal.NONE;
    }

    private static boolean isPassive(Sentence s, int v) {
        for (int c : s.children(v)) {
            if (s.rel(c).equals("aux:pass")) {
                return true;
            }
        }
        return false;
    }

    /** Stance from the cue alone: a deny-cue denies; negated deny or confirm neither confirms nor denies. */
    Stance byCue(String lemma, boolean negated) {
        if (lex.has(lemma, "deny")) {
            return negated ? Stance.NEITHER_CONFIRMS_NOR_DENIES : Stance.DENIES;
        }
        if (lex.has(lemma, "confirm") && negated) {
            return Stance.NEITHER_CONFIRMS_NOR_DENIES;
        }
        return Stance.ASSERTS;
    }

    /**
     * A deny-cue that decides rather than denies something said: a noun-phrase object that is a decision
     * ("rejected the offer", "denied the motion"), for reject/dismiss any object that is not an assertion; a
     * proposal even when worded as an assertion ("rejected a suggestion to cut prices", "dismissed calls for
     * him to resign"); a refusal to someone ("denied him a visa", passive "were denied credentials", "the bid
     * was rejected"); and whatever a court or judge rejects (a ruling).
     */
    boolean isDecision(Sentence s, int k, String lemma, int contentHead, int subj) {
        if (!lex.has(lemma, "deny")) {
            return false;
        }
        if (subj >= 0 && isOneOf(s.token(subj), DECIDERS)) {
            return true;
        }
        String rel = s.rel(contentHead);
        // passive: "were denied credentials", "the tax will be rejected by the council"; only "it was denied
        // that ..." (an expletive subject) denies something said
        if (isPassive(s, k) && !(rel.equals("ccomp") && hasExpletiveSubject(s, k))) {
            return true;
        }
        // the noun phrase right after the cue names a decision even when the parser hangs the rest as a clause
        // ("rejected the latest offer that was submitted", "rejected all offers at the tender, a spokesman said")
        int next = nounRightAfter(s, k);
        if (next >= 0 && (namesDecision(s, next)
                || next + 1 < s.size() && DECISION_OBJECTS.contains(s.token(next + 1).lower()))) {
            return true; // the last word may be mistagged as a verb: "the latest company offer that ..."
        }
        // "the offer which the board rejected": the cue inside a relative clause on a decision object
        if (s.rel(k).equals("acl:relcl") && s.head(k) >= 0 && isOneOf(s.token(s.head(k)), DECISION_OBJECTS)) {
            return true;
        }
        if (!rel.equals("obj")) {
            return false;
        }
        if (!s.out(k, r -> r.equals("iobj")).isEmpty() || twoObjects(s, k) || isProposal(s, contentHead)) {
            return true;
        }
        if (namesDecision(s, contentHead)) {
            return true;
        }
        return lex.has(lemma, "decision") && !isOneOf(s.token(contentHead), ASSERTION_OBJECTS);
    }

    private static boolean hasExpletiveSubject(Sentence s, int k) {
        for (int c : s.children(k)) {
            if (s.rel(c).startsWith("nsubj") && s.token(c).lower().equals("it") || s.rel(c).equals("expl")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The head noun of a noun phrase that starts right after the cue ("rejected all the new offers", "rejected a
     * three-year contract", "rejected that bid twice" with "that" tagged as a complementizer), or -1. A "that"
     * whose noun phrase is followed by a verb opens a clause ("denied that aid was diverted"): -1.
     */
    private static int nounRightAfter(Sentence s, int k) {
        int i = k + 1;
        boolean demonstrative = i < s.size() && DEMONSTRATIVES.contains(s.token(i).lower());
        while (i < s.size() && (s.token(i).pos().matches("DT|PDT|JJ.*|PRP\\$|CD|POS|RB.*|HYPH")
                || i == k + 1 && demonstrative)) {
            i++;
        }
        if (i >= s.size() || !s.token(i).isNoun()) {
            return -1;
        }
        while (i + 1 < s.size() && (s.token(i + 1).isNoun()
                || s.token(i + 1).pos().equals("HYPH") && i + 2 < s.size() && s.token(i + 2).isNoun())) {
            i++;
        }
        if (demonstrative && i + 1 < s.size() && s.token(i + 1).pos().matches("VB[DZP]|MD")) {
            return -1;
        }
        return i;
    }

    /**
     * Whether the noun names a decision: a decision object itself ("the offer"), or a part or version of one
     * ("a version of the bill", "part of the plan"); "his version of events" is no decision.
     */
    private static boolean namesDecision(Sentence s, int noun) {
        if (isOneOf(s.token(noun), DECISION_OBJECTS)) {
            return true;
        }
        if (!PART_NOUNS.contains(s.token(noun).lemma().toLowerCase(Locale.ROOT))) {
            return false;
        }
        for (int c : s.children(noun)) {
            if (c > noun && s.rel(c).startsWith("nmod") && isOneOf(s.token(c), DECISION_OBJECTS)
                    && s.children(c).stream().anyMatch(x -> s.token(x).lower().equals("of"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * "denied British competitors lucrative orders", "denied the airlines landing slots": deny with two noun
     * phrases deprives someone of something (a refusal), whether the parser gives two objects or folds the
     * first into the second as a compound. A noun phrase followed by a verb is a clause ("denied reports the
     * plant was closed"), not a second object.
     */
    private static boolean twoObjects(Sentence s, int k) {
        if (!GIVING_VERBS.contains(s.token(k).lemma().toLowerCase(Locale.ROOT))) {
            return false;
        }
        List<Edge> objs = s.out(k, r -> r.equals("obj") || r.equals("iobj"));
        if (objs.size() >= 2 && objs.stream().allMatch(e -> e.dep() > k)) {
            return true;
        }
        int first = nounRightAfter(s, k);
        if (first < 0 || first + 1 >= s.size() || !s.token(first + 1).pos().matches("DT|PDT|JJ.*|RBR|RBS|CD|PRP\\$")) {
            return false;
        }
        int second = nounRightAfter(s, first);
        return second > first && s.dominates(k, first) && s.dominates(k, second) && !isTime(s.token(second))
                && (second + 1 >= s.size() || !s.token(second + 1).pos().matches("VB[DZP]|MD"));
    }

    /** "this week", "last month": a time, not a second object. */
    private static boolean isTime(Token t) {
        return Set.of("DATE", "TIME", "DURATION", "SET").contains(t.ner());
    }

    /** A subject that cannot make a claim: a deny-cue with it ("the rules deny benefits") is no claim at all. */
    static boolean isNonSpeaker(Sentence s, int subj) {
        return subj >= 0 && isOneOf(s.token(subj), NON_SPEAKERS);
    }

    private static boolean isOneOf(Token t, Set<String> words) {
        return words.contains(t.lemma().toLowerCase(Locale.ROOT)) || words.contains(t.lower());
    }

    /**
     * A noun that asks for an act: an infinitive or "for" phrase hangs from it ("a suggestion to cut prices",
     * "calls for talks"), or its "that" clause has a subjunctive or a modal of obligation ("the suggestion that
     * the bank should sell", "the idea that he resign").
     */
    static boolean isProposal(Sentence s, int noun) {
        for (Edge e : s.out(noun, r -> true)) {
            String r = e.rel();
            int d = e.dep();
            if (r.startsWith("nmod:for") || r.startsWith("acl") && hasChild(s, d, "to")) {
                return true;
            }
            if ((r.startsWith("acl") || r.equals("ccomp")) && hasChild(s, d, "that")) {
                for (int c : s.children(d)) {
                    if (s.rel(c).equals("aux") && MODALS_OF_PROPOSAL.contains(s.token(c).lower())) {
                        return true;
                    }
                }
                if (isSubjunctive(s, d)) {
                    return true; // "the demand that he resign", "suggestions that it let the IMF in"
                }
            }
        }
        return false;
    }

    /**
     * A bare verb without auxiliary: tagged VB, or a third-person singular subject with the uninflected form
     * ("that it let", where the tagger cannot tell the past from the subjunctive).
     */
    private static boolean isSubjunctive(Sentence s, int v) {
        Token t = s.token(v);
        if (!t.isVerb() || !s.out(v, x -> x.startsWith("aux")).isEmpty()) {
            return false;
        }
        if (t.pos().equals("VB")) {
            return true;
        }
        if (!t.lower().equals(t.lemma().toLowerCase(Locale.ROOT))) {
            return false;
        }
        for (int c : s.children(v)) {
            if (s.rel(c).equals("nsubj")) {
                Token subj = s.token(c);
                return subj.pos().equals("NN") || subj.pos().equals("NNP")
                        || Set.of("he", "she", "it").contains(subj.lower());
            }
        }
        return false;
    }

    /** A "to" or "that" marking the clause (the parser gives it as mark or, now and then, dep). */
    private static boolean hasChild(Sentence s, int head, String word) {
        for (int c : s.children(head)) {
            if (c < head && (s.rel(c).equals("mark") || s.rel(c).equals("dep")) && s.token(c).lower().equals(word)) {
                return true;
            }
        }
        return false;
    }

    /** "dismissed the manager", "rejected him": a deny-cue acting on a person is no claim at all. */
    static boolean actsOnPerson(Sentence s, int contentHead) {
        Token t = s.token(contentHead);
        return s.rel(contentHead).equals("obj") && ("PERSON".equals(t.ner()) || t.pos().startsWith("PRP")
                || Titles.isRoleNoun(t));
    }

    /**
     * Whether a negated silence verb in a content is the speaker's own refusal: "go" only as "go into/beyond"
     * ("would not go into details", not "is not going to pick a fight"), and not inside a relative clause
     * ("firms, whom he declined to name") or under another cue in the content ("said the company's policy is not
     * to comment", "reported that X would not say"): that nested claim carries the refusal, the outer one asserts.
     */
    private boolean isOwnSilence(Sentence s, int verb, List<Integer> content) {
        if (s.token(verb).lemma().equalsIgnoreCase("go")
                && !(verb + 1 < s.size() && s.token(verb + 1).lower().matches("into|beyond"))) {
            return false;
        }
        Set<Integer> inContent = new HashSet<>(content);
        for (int up = s.head(verb); up >= 0 && inContent.contains(up); up = s.head(up)) {
            String l = s.token(up).lemma().toLowerCase(Locale.ROOT);
            boolean refusal = l.equals("decline") || l.equals("refuse"); // "“I decline to comment,” he said"
            if (s.rel(up).startsWith("acl") || !refusal && s.token(up).isVerb() && lex.isCue(l)) {
                return false;
            }
        }
        return true;
    }

    /** Stance of a claim from its cue and its content's own words. */
    Stance stance(Sentence s, String lemma, boolean negated, List<Integer> content) {
        Stance cue = byCue(lemma, negated);
        if (cue != Stance.ASSERTS) {
            return cue;
        }
        // "neither confirm nor deny", "could not confirm or deny"
        boolean confirm = false;
        boolean deny = false;
        boolean neg = false;
        for (int i : content) {
            Token t = s.token(i);
            String l = t.lemma().toLowerCase(Locale.ROOT);
            if (l.equals("confirm")) {
                confirm = true;
            } else if (l.equals("deny")) {
                deny = true;
            } else if ((l.equals("neither") || NEGATORS.contains(t.lower()) || l.equals("cannot")) && !confirm && !deny) {
                neg = true;
            }
        }
        if (confirm && deny && neg) {
            return Stance.NEITHER_CONFIRMS_NOR_DENIES;
        }
        // "better not to say", "would not comment" as the content's own predicate; not "an executive it did
        // not name" (a relative clause) nor "asked not to be named" (anonymity)
        for (int i = 0; i < content.size(); i++) {
            int ti = content.get(i);
            Token t = s.token(ti);
            if (!t.isVerb() || !SILENCE_VERBS.contains(t.lemma().toLowerCase(Locale.ROOT))
                    || s.rel(ti).startsWith("acl") || isPassive(s, ti) || !isOwnSilence(s, ti, content)) {
                continue;
            }
            for (int j = i - 1; j >= 0 && j >= i - 3; j--) {
                Token p = s.token(content.get(j));
                if (NEGATORS.contains(p.lower()) || p.lemma().equalsIgnoreCase("decline") || p.lemma().equalsIgnoreCase("refuse")) {
                    return Stance.DECLINES_TO_COMMENT;
                }
            }
        }
        for (int i = 0; i + 1 < content.size(); i++) {
            if (s.token(content.get(i)).lower().equals("no") && s.token(content.get(i + 1)).lower().equals("comment")) {
                return Stance.DECLINES_TO_COMMENT;
            }
        }
        return Stance.ASSERTS;
    }
}
