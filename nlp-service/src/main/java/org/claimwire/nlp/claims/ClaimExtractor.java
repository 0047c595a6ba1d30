package org.claimwire.nlp.claims;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.claimwire.events.Enrichment;
import org.claimwire.events.Enrichment.Mode;
import org.claimwire.events.Enrichment.Stance;
import org.claimwire.nlp.entities.Entity;
import org.claimwire.nlp.entities.StoryEntities;
import org.claimwire.nlp.entities.StoryEntities.Ref;
import org.claimwire.nlp.pipeline.Edge;
import org.claimwire.nlp.pipeline.ParsedDoc;
import org.claimwire.nlp.pipeline.Sentence;
import org.claimwire.nlp.pipeline.Token;

/**
 * Attributed claims from the dependency parse: a reporting cue (lexicon), its subject as the speaker
 * (resolved through {@link StoryEntities}), its complement clause(s) or object or quote as the content,
 * the addressee, the time, the stance; then direct quotes (before or after the cue, multi-sentence,
 * partial, broken) and unattributed check-worthy statements. General rules only.
 */
public final class ClaimExtractor {
    private static final Set<String> FIRST_SECOND_PERSON = Set.of("i", "we", "you", "me", "us");
    private static final Set<String> NEGATORS = Set.of("not", "n't", "never", "no");
    private static final Set<String> REQUEST_WORDS = Set.of("request", "call", "message", "comment", "query", "inquiry",
            "email", "question", "requests", "calls", "messages", "queries", "inquiries", "emails", "questions");
    private static final Set<String> SILENCE_VERBS = Set.of("say", "comment", "elaborate", "discuss", "disclose",
            "reveal", "specify", "speculate", "confirm", "detail", "identify", "name", "answer", "go");
    private static final Set<String> TEMPORAL_RELS = Set.of("obl:tmod", "obl:on", "obl:in", "obl:at", "obl:during",
            "nmod:tmod", "obl:npmod", "advmod");

    /** Unattributed statements at or above this score become claims. */
    public static final double UNATTRIBUTED_THRESHOLD = 0.5;

    private final CueLexicon lex;

    public ClaimExtractor(CueLexicon lex) {
        this.lex = lex;
    }

    /** The cheap prefilter: only sentences that can hold an attribution are dependency-parsed. */
    public boolean needsParse(Sentence s) {
        for (Token t : s.tokens()) {
            if ((t.isVerb() && lex.isCue(t.lemma())) || t.lower().equals("according")) {
                return true;
            }
        }
        return false;
    }

    private static final class Draft {
        int sent;
        Ref speaker;
        Enrichment.Cue cue;
        int cb;
        int ce;
        Mode mode = Mode.INDIRECT;
        Stance stance = Stance.ASSERTS;
        Ref recipient;
        Enrichment.TimeRef time;
        double checkWorthiness;
        double confidence;
        int order;
    }

    public List<Enrichment.Claim> extract(ParsedDoc doc, StoryEntities ents, LocalDate refDate) {
        List<Quotes.Quote> quotes = Quotes.find(doc, lex);
        List<Draft> drafts = new ArrayList<>();
        for (Sentence s : doc.sentences()) {
            if (!s.parsed()) {
                continue;
            }
            for (int k = 0; k < s.size(); k++) {
                Token t = s.token(k);
                if (t.lower().equals("according") && k + 1 < s.size() && s.token(k + 1).lower().equals("to")) {
                    accordingTo(doc, s, k, ents, quotes, refDate, drafts);
                } else if (t.isVerb() && lex.isCue(t.lemma())) {
                    cue(doc, s, k, ents, quotes, refDate, drafts);
                }
            }
        }
        removeNestedSameSpeaker(drafts);
        inheritRecipients(drafts);
        unattributed(doc, ents, quotes, drafts, refDate);
        drafts.sort(Comparator.comparingInt((Draft d) -> Math.min(d.cb, d.cue == null ? d.cb : d.cue.start()))
                .thenComparingInt(d -> d.cb));
        List<Enrichment.Claim> out = new ArrayList<>();
        int n = 1;
        for (Draft d : drafts) {
            List<String> about = new ArrayList<>();
            for (Entity e : ents.entitiesIn(d.cb, d.ce)) {
                about.add(e.id());
            }
            out.add(new Enrichment.Claim("c" + n++, d.speaker == null ? null : d.speaker.toContract(), d.cue,
                    new Enrichment.Span(d.cb, d.ce, doc.span(d.cb, d.ce)), d.mode, d.stance,
                    Enrichment.Kind.STATEMENT,
                    d.recipient == null ? null : d.recipient.toContract(), d.time, about, d.checkWorthiness,
                    d.confidence));
        }
        return out;
    }

    // ---- cue verbs ------------------------------------------------------------------------------------

    private void cue(ParsedDoc doc, Sentence s, int k, StoryEntities ents, List<Quotes.Quote> quotes,
                     LocalDate refDate, List<Draft> drafts) {
        Token v = s.token(k);
        String lemma = v.lemma().toLowerCase(Locale.ROOT);
        if (isConfirmDenyConjunct(s, k) || (isConfirmDeny(lemma) && isEmbedded(s, k) && isNcnd(s, k))) {
            return; // "neither confirm nor deny" inside another claim: its stance, not a claim
        }
        if (s.rel(k).equals("xcomp") && s.head(k) >= 0 && lex.isCue(s.token(s.head(k)).lemma())) {
            return; // "declined to comment": handled by the governing cue
        }
        if (s.rel(k).startsWith("amod") || s.rel(k).startsWith("acl")) {
            return; // "the reported talks", "a statement saying ..."
        }
        int subj = subject(s, k);
        if (subj < 0) {
            return;
        }
        Token st = s.token(subj);
        if (FIRST_SECOND_PERSON.contains(st.lower()) || st.pos().equals("EX")
                || (st.lower().equals("it") && hasExpletiveUse(s, k))) {
            return;
        }
        boolean negated = negated(s, k);
        Ref speaker = speakerRef(s, subj, ents);
        Ref recipient = recipient(s, k, lemma, ents, doc);
        Enrichment.TimeRef time = time(doc, s, k, refDate);
        Enrichment.Cue cue = new Enrichment.Cue(v.begin(), v.end(), v.word(), lemma);

        // silence: "declined to comment", "did not elaborate", "has not responded to a request for comment"
        if (lex.has(lemma, "decline") || ((lex.has(lemma, "elaborate") || lex.has(lemma, "respond")) && negated
                && ccomps(s, k).isEmpty())) {
            Stance stance;
            int[] span;
            if (lex.has(lemma, "decline")) {
                List<Edge> x = s.out(k, r -> r.equals("xcomp"));
                if (x.isEmpty() || !SILENCE_VERBS.contains(s.token(x.get(0).dep()).lemma().toLowerCase(Locale.ROOT))) {
                    return;
                }
                stance = Stance.DECLINES_TO_COMMENT;
                span = predicateSpan(s, k, subj);
            } else if (lex.has(lemma, "respond")) {
                if (!mentionsRequest(s)) {
                    return;
                }
                stance = Stance.NO_RESPONSE;
                List<Edge> to = s.out(k, r -> r.equals("obl:to") || r.equals("obj"));
                span = to.isEmpty() ? predicateSpan(s, k, subj)
                        : tokenSpan(s, s.subtree(to.get(0).dep(), c -> s.rel(c).equals("case") && s.head(c) == to.get(0).dep()));
                Ref requester = requester(s, to.isEmpty() ? -1 : to.get(0).dep(), ents, doc);
                if (recipient == null) {
                    recipient = requester;
                }
            } else {
                stance = Stance.DECLINES_TO_COMMENT;
                span = predicateSpan(s, k, subj);
            }
            Draft d = draft(s, speaker, cue, span, recipient, time, stance, doc);
            d.checkWorthiness = CheckWorthiness.score(tokensIn(s, span[0], span[1]));
            drafts.add(d);
            return;
        }

        List<Integer> heads = contentHeads(s, k, lemma);
        if (heads.isEmpty()) {
            Quotes.Quote q = adjacentQuote(doc, s, k, subj, quotes);
            if (q == null) {
                return;
            }
            Draft d = draft(s, speaker, cue, null, recipient, time, negatedStance(lemma, negated), doc);
            d.cb = q.begin();
            d.ce = q.end();
            d.mode = Mode.DIRECT;
            d.confidence -= 0.1;
            d.checkWorthiness = CheckWorthiness.score(tokensBetween(doc, d.cb, d.ce));
            drafts.add(d);
            return;
        }
        for (int h : heads) {
            List<Integer> toks = s.subtree(h, heads::contains);
            int[] span = trimmedSpan(s, toks);
            if (span == null) {
                continue;
            }
            Stance stance = stance(s, lemma, negated, toks);
            Draft d = draft(s, speaker, cue, span, recipient, time, stance, doc);
            List<Token> cwTokens = new ArrayList<>(tokensIn(s, span[0], span[1]));
            cwTokens.add(v);
            for (int c : s.children(k)) {
                if (s.rel(c).equals("advmod") || s.rel(c).startsWith("aux")) {
                    cwTokens.add(s.token(c));
                }
            }
            applyQuotes(d, quotes);
            if (d.mode == Mode.DIRECT) {
                cwTokens = tokensBetween(doc, d.cb, d.ce);
            }
            d.checkWorthiness = CheckWorthiness.score(cwTokens);
            drafts.add(d);
        }
    }

    private static boolean hasExpletiveUse(Sentence s, int k) {
        return !s.out(k, r -> r.equals("nsubj:pass") || r.equals("expl")).isEmpty();
    }

    private Draft draft(Sentence s, Ref speaker, Enrichment.Cue cue, int[] span, Ref recipient,
                        Enrichment.TimeRef time, Stance stance, ParsedDoc doc) {
        Draft d = new Draft();
        d.sent = s.index();
        d.speaker = speaker;
        d.cue = cue;
        if (span != null) {
            d.cb = s.token(span[0]).begin();
            d.ce = s.token(span[1]).end();
        }
        d.recipient = recipient;
        d.time = time;
        d.stance = stance;
        double conf = 0.9;
        if (speaker == null || speaker.entity() == null) {
            conf = 0.6;
        } else if (!speaker.text().contains(speaker.entity().name().split(" ")[speaker.entity().name().split(" ").length - 1])) {
            conf = 0.75; // pronoun, title or nominal
        }
        d.confidence = conf;
        return d;
    }

    /** The cue's subject token, following "who" and conjoined verbs through the enhanced graph. */
    private static int subject(Sentence s, int k) {
        for (Edge e : s.out(k, r -> r.equals("nsubj"))) {
            return firstConjunctHead(s, e.dep());
        }
        return -1;
    }

    private static int firstConjunctHead(Sentence s, int tok) {
        // enhanced++ gives one nsubj per conjunct; the basic tree's first conjunct heads the phrase
        int h = tok;
        while (s.rel(h).equals("conj") && s.head(h) >= 0 && s.head(h) < h) {
            h = s.head(h);
        }
        return h;
    }

    private static Ref speakerRef(Sentence s, int subj, StoryEntities ents) {
        List<Integer> toks = s.subtree(subj, c -> {
            String r = s.rel(c);
            return r.startsWith("acl") || r.equals("punct") || r.equals("parataxis") || r.startsWith("appos")
                    && s.token(c).pos().startsWith("PRP");
        });
        int from = toks.get(0);
        int to = toks.get(toks.size() - 1) + 1;
        // coordinated speakers ("Washington and Moscow") are not one entity
        boolean coordinated = false;
        for (int c : s.children(subj)) {
            if (s.rel(c).equals("conj") && !"O".equals(s.token(c).ner())) {
                coordinated = true;
            }
        }
        if (coordinated) {
            int b = s.token(from).begin();
            int e = s.token(to - 1).end();
            return new Ref(null, b, e, ents == null ? "" : s.tokens().subList(from, to).stream().map(Token::word)
                    .reduce((a, x) -> a + " " + x).orElse(""));
        }
        return ents.resolveNounPhrase(s, subj, from, to);
    }

    private static boolean negated(Sentence s, int k) {
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

    /** "deny" in "neither confirm nor deny": a conjunct of a confirm/deny verb. */
    private static boolean isConfirmDenyConjunct(Sentence s, int k) {
        return s.rel(k).equals("conj") && s.head(k) >= 0 && isConfirmDeny(s.token(k).lemma().toLowerCase(Locale.ROOT))
                && isConfirmDeny(s.token(s.head(k)).lemma().toLowerCase(Locale.ROOT));
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

    private static List<Integer> ccomps(Sentence s, int k) {
        List<Integer> out = new ArrayList<>();
        for (Edge e : s.out(k, r -> r.equals("ccomp"))) {
            out.add(e.dep());
        }
        return out;
    }

    /**
     * Content clause heads: complement clauses (conjoined ones with their own subject or "that" become
     * separate contents), else an infinitive or an object where the cue allows it.
     */
    private List<Integer> contentHeads(Sentence s, int k, String lemma) {
        List<Integer> heads = new ArrayList<>();
        for (int c : ccomps(s, k)) {
            int top = c;
            while (s.rel(top).equals("conj") && s.head(top) >= 0 && s.head(top) != k) {
                top = s.head(top);
            }
            if (top != c && heads.contains(top) && !isSplitConjunct(s, c)) {
                continue; // "confirm nor deny", "come and stay": one content
            }
            if (!heads.contains(c)) {
                heads.add(c);
            }
        }
        if (heads.isEmpty() && lex.has(lemma, "xcomp")) {
            for (Edge e : s.out(k, r -> r.equals("xcomp"))) {
                heads.add(e.dep());
            }
        }
        if (heads.isEmpty() && lex.has(lemma, "obj")) {
            for (Edge e : s.out(k, r -> r.equals("obj"))) {
                if (s.token(e.dep()).isNoun()) {
                    heads.add(e.dep());
                }
            }
        }
        // conjoined complements nested lower down ("that A was ready to ... and that B was waiting")
        List<Integer> more = new ArrayList<>();
        for (int h : heads) {
            for (int t : s.subtree(h, c -> false)) {
                if (t != h && isSplitConjunct(s, t) && !heads.contains(t) && !more.contains(t)) {
                    more.add(t);
                }
            }
        }
        heads.addAll(more);
        // ccomps that are basic conjuncts of another head but not separate clauses were dropped above;
        // drop heads that sit inside another head's subtree unless they are split conjuncts
        List<Integer> keep = new ArrayList<>();
        for (int h : heads) {
            boolean inside = false;
            for (int o : heads) {
                if (o != h && s.dominates(o, h) && !isSplitConjunct(s, h)) {
                    inside = true;
                }
            }
            if (!inside) {
                keep.add(h);
            }
        }
        return keep;
    }

    /** A conjunct clause with its own complementizer ("and that ...") or its own subject. */
    private static boolean isSplitConjunct(Sentence s, int t) {
        if (!s.rel(t).equals("conj") || !s.token(t).pos().matches("VB.*|JJ.*|NN.*")) {
            return false;
        }
        boolean mark = false;
        boolean subj = false;
        for (int c : s.children(t)) {
            String r = s.rel(c);
            String w = s.token(c).lower();
            if ((r.equals("mark") || r.equals("dep")) && (w.equals("that") || w.equals("whether"))) {
                mark = true;
            }
            if (r.startsWith("nsubj")) {
                subj = true;
            }
        }
        if (mark) {
            return true;
        }
        // "said he would come and she would stay": own subject, and the head is a clause complement
        return subj && s.token(t).isVerb();
    }

    private static int[] trimmedSpan(Sentence s, List<Integer> toks) {
        if (toks.isEmpty()) {
            return null;
        }
        int a = toks.get(0);
        int b = toks.get(toks.size() - 1);
        while (a <= b && (isEdgePunct(s.token(a)) || isComplementizer(s, a) || s.token(a).pos().equals("CC"))) {
            a++;
        }
        while (b >= a && isEdgePunct(s.token(b))) {
            b--;
        }
        // drop a dangling coordinator left by a split conjunct
        while (b >= a && (s.token(b).pos().equals("CC") || isEdgePunct(s.token(b)))) {
            b--;
        }
        return a > b ? null : new int[] {a, b};
    }

    private static boolean isComplementizer(Sentence s, int i) {
        String w = s.token(i).lower();
        return w.equals("that") && (s.rel(i).equals("mark") || s.rel(i).equals("dep") || s.token(i).pos().equals("IN")
                || s.token(i).pos().equals("WDT"));
    }

    private static boolean isEdgePunct(Token t) {
        String w = t.word();
        return w.equals(",") || w.equals(".") || w.equals(":") || w.equals(";") || w.equals("--") || w.equals("-")
                || Quotes.isQuoteMark(w);
    }

    /** The predicate after the subject: "did not elaborate further", "declined to comment on the matter". */
    private static int[] predicateSpan(Sentence s, int k, int subj) {
        List<Integer> toks = s.subtree(k, c -> s.rel(c).startsWith("nsubj") || s.rel(c).equals("punct")
                || s.rel(c).startsWith("ccomp") || s.rel(c).equals("parataxis"));
        int subjEnd = subj;
        for (int t : s.subtree(subj, c -> false)) {
            subjEnd = Math.max(subjEnd, t);
        }
        int a = Integer.MAX_VALUE;
        int b = -1;
        for (int t : toks) {
            if (subj < k && t <= subjEnd) {
                continue;
            }
            a = Math.min(a, t);
            b = Math.max(b, t);
        }
        if (b < 0) {
            return new int[] {k, k};
        }
        return trimmedSpan(s, range(a, b));
    }

    private static List<Integer> range(int a, int b) {
        List<Integer> r = new ArrayList<>();
        for (int i = a; i <= b; i++) {
            r.add(i);
        }
        return r;
    }

    private static int[] tokenSpan(Sentence s, List<Integer> toks) {
        int[] t = trimmedSpan(s, toks);
        return t == null ? new int[] {toks.get(0), toks.get(toks.size() - 1)} : t;
    }

    private static boolean mentionsRequest(Sentence s) {
        for (Token t : s.tokens()) {
            if (REQUEST_WORDS.contains(t.lower())) {
                return true;
            }
        }
        return false;
    }

    /** The outlet in "a Reuters request for comment" / "requests from Reuters". */
    private static Ref requester(Sentence s, int np, StoryEntities ents, ParsedDoc doc) {
        if (np < 0) {
            return null;
        }
        List<Integer> toks = s.subtree(np, c -> s.rel(c).startsWith("acl"));
        for (int t : toks) {
            if ("ORGANIZATION".equals(s.token(t).ner()) || "PERSON".equals(s.token(t).ner())) {
                var m = ents.mentionAt(s.index(), t);
                if (m != null && m.entity() != null) {
                    return new Ref(m.entity(), m.begin(), m.end(), m.text());
                }
            }
        }
        return null;
    }

    /** "told TASS", "noted to the newspaper", "in an interview with X". */
    private Ref recipient(Sentence s, int k, String lemma, StoryEntities ents, ParsedDoc doc) {
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
        // "in an interview with X", "speaking to X"
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

    private static Enrichment.TimeRef time(ParsedDoc doc, Sentence s, int k, LocalDate refDate) {
        for (Edge e : s.out(k, TEMPORAL_RELS::contains)) {
            Token t = s.token(e.dep());
            if (!TimeNormalizer.isTimeWord(t.word())) {
                continue;
            }
            List<Integer> toks = s.subtree(e.dep(), c -> s.rel(c).equals("case") || s.rel(c).equals("punct")
                    || s.rel(c).startsWith("acl"));
            String text = doc.span(s.token(toks.get(0)).begin(), s.token(toks.get(toks.size() - 1)).end());
            return new Enrichment.TimeRef(text, TimeNormalizer.normalize(text, refDate));
        }
        return null;
    }

    // ---- stance ---------------------------------------------------------------------------------------

    private Stance negatedStance(String lemma, boolean negated) {
        if (lex.has(lemma, "deny")) {
            return negated ? Stance.NEITHER_CONFIRMS_NOR_DENIES : Stance.DENIES;
        }
        if (lex.has(lemma, "confirm") && negated) {
            return Stance.NEITHER_CONFIRMS_NOR_DENIES;
        }
        return Stance.ASSERTS;
    }

    private Stance stance(Sentence s, String lemma, boolean negated, List<Integer> content) {
        Stance byCue = negatedStance(lemma, negated);
        if (byCue != Stance.ASSERTS) {
            return byCue;
        }
        // the content's own words: "neither confirm nor deny", "could not confirm or deny", "better not to say"
        boolean confirm = false;
        boolean deny = false;
        boolean neg = false;
        for (int i = 0; i < content.size(); i++) {
            Token t = s.token(content.get(i));
            String l = t.lemma().toLowerCase(Locale.ROOT);
            if (l.equals("confirm")) {
                confirm = true;
            } else if (l.equals("deny")) {
                deny = true;
            } else if (l.equals("neither") || NEGATORS.contains(t.lower()) || l.equals("cannot")) {
                if (!confirm && !deny) {
                    neg = true;
                }
            }
        }
        if (confirm && deny && neg) {
            return Stance.NEITHER_CONFIRMS_NOR_DENIES;
        }
        for (int i = 0; i < content.size(); i++) {
            Token t = s.token(content.get(i));
            if (!SILENCE_VERBS.contains(t.lemma().toLowerCase(Locale.ROOT)) || !t.isVerb()) {
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
        if (lex.has(lemma, "deny")) {
            return Stance.DENIES;
        }
        return Stance.ASSERTS;
    }

    // ---- quotes -----------------------------------------------------------------------------------------

    /** DIRECT when the content lies inside a quote (the content becomes the whole quote), MIXED when it holds one. */
    private static void applyQuotes(Draft d, List<Quotes.Quote> quotes) {
        for (Quotes.Quote q : quotes) {
            if (!q.overlaps(d.cb, d.ce)) {
                continue;
            }
            if (d.cue != null && q.begin() <= d.cue.start() && d.cue.end() <= q.end()) {
                continue;
            }
            boolean inside = q.begin() <= d.cb + 2 && d.ce - 2 <= q.end();
            if (inside) {
                d.cb = Math.min(d.cb, q.begin());
                d.ce = Math.max(d.ce, q.end());
                d.mode = Mode.DIRECT;
                return;
            }
            d.mode = Mode.MIXED;
        }
    }

    /** A quote right after the cue ("said: “...”") or ending right before the attribution ("“...,” he said"). */
    private static Quotes.Quote adjacentQuote(ParsedDoc doc, Sentence s, int k, int subj, List<Quotes.Quote> quotes) {
        int from = Math.min(k, subj);
        int attributionBegin = s.token(from).begin();
        int cueEnd = s.token(Math.max(k, subj)).end();
        String text = doc.text();
        for (Quotes.Quote q : quotes) {
            if (q.end() <= attributionBegin && attributionBegin - q.end() <= 4
                    && text.substring(q.end(), attributionBegin).matches("[\\s,”\"»'’:—-]*")) {
                return q;
            }
            if (q.begin() >= cueEnd && q.begin() - cueEnd <= 4
                    && text.substring(cueEnd, q.begin()).matches("[\\s,:“\"«—-]*")) {
                return q;
            }
        }
        return null;
    }

    // ---- according to ----------------------------------------------------------------------------------

    private void accordingTo(ParsedDoc doc, Sentence s, int k, StoryEntities ents, List<Quotes.Quote> quotes,
                             LocalDate refDate, List<Draft> drafts) {
        int src = s.head(k);
        if (src < 0 || !s.rel(k).equals("case")) {
            return;
        }
        int clause = s.head(src);
        if (clause < 0) {
            return;
        }
        List<Integer> srcToks = s.subtree(src, c -> s.rel(c).equals("punct") || s.rel(c).equals("case"));
        Ref speaker = ents.resolveNounPhrase(s, src, srcToks.get(0), srcToks.get(srcToks.size() - 1) + 1);
        Set<Integer> exclude = new HashSet<>(s.subtree(src, c -> false));
        List<Integer> toks = new ArrayList<>();
        for (int t : s.subtree(clause, c -> false)) {
            if (!exclude.contains(t)) {
                toks.add(t);
            }
        }
        // the clause on the side of "according to" that does not hold the source
        int srcEnd = srcToks.get(srcToks.size() - 1);
        List<Integer> side = new ArrayList<>();
        for (int t : toks) {
            if ((k < clause && t > srcEnd) || (k > clause && t < k)) {
                side.add(t);
            }
        }
        if (side.isEmpty()) {
            side = toks;
        }
        int[] span = trimmedSpan(s, side);
        if (span == null) {
            return;
        }
        Token a = s.token(k);
        Token to = s.token(k + 1);
        Enrichment.Cue cue = new Enrichment.Cue(a.begin(), to.end(), doc.span(a.begin(), to.end()), "according to");
        Draft d = draft(s, speaker, cue, span, null, time(doc, s, clause, refDate), Stance.ASSERTS, doc);
        List<Token> cw = tokensIn(s, span[0], span[1]);
        d.stance = stance(s, "according", negated(s, clause), range(span[0], span[1]));
        applyQuotes(d, quotes);
        d.checkWorthiness = CheckWorthiness.score(cw);
        drafts.add(d);
    }

    // ---- clean-up and unattributed -------------------------------------------------------------------

    /** "Trump said he told Putin ...": the inner claim of the same speaker adds nothing. */
    private static void removeNestedSameSpeaker(List<Draft> drafts) {
        List<Draft> drop = new ArrayList<>();
        for (Draft inner : drafts) {
            for (Draft outer : drafts) {
                if (inner == outer || inner.speaker == null || outer.speaker == null
                        || inner.speaker.entity() == null || inner.speaker.entity() != outer.speaker.entity()) {
                    continue;
                }
                if (outer.cb <= inner.speaker.begin() && inner.ce <= outer.ce && outer.cb <= inner.cb
                        && (outer.ce - outer.cb) > (inner.ce - inner.cb)) {
                    drop.add(inner);
                }
            }
        }
        drafts.removeAll(drop);
        // identical spans from two routes
        List<Draft> seen = new ArrayList<>();
        drafts.removeIf(d -> {
            for (Draft o : seen) {
                if (o.cb == d.cb && o.ce == d.ce && o.speaker != null && d.speaker != null
                        && o.speaker.entity() == d.speaker.entity()) {
                    return true;
                }
            }
            seen.add(d);
            return false;
        });
    }

    /**
     * A direct quote without an addressee that continues an exchange ("... he explained" after "told TASS")
     * keeps the addressee of the same speaker's claim from up to three sentences before.
     */
    private static void inheritRecipients(List<Draft> drafts) {
        List<Draft> ordered = new ArrayList<>(drafts);
        ordered.sort(Comparator.comparingInt((Draft d) -> d.sent).thenComparingInt(d -> d.cb));
        for (int i = 0; i < ordered.size(); i++) {
            Draft d = ordered.get(i);
            if (d.recipient != null || d.mode != Mode.DIRECT || d.speaker == null || d.speaker.entity() == null) {
                continue;
            }
            for (int j = i - 1; j >= 0; j--) {
                Draft p = ordered.get(j);
                if (d.sent - p.sent > 3) {
                    break;
                }
                if (p.recipient != null && p.speaker != null && p.speaker.entity() == d.speaker.entity()
                        && p.recipient.entity() != null) {
                    d.recipient = p.recipient;
                    d.confidence = Math.min(d.confidence, 0.8);
                    break;
                }
            }
        }
    }

    private void unattributed(ParsedDoc doc, StoryEntities ents, List<Quotes.Quote> quotes, List<Draft> drafts,
                              LocalDate refDate) {
        for (Sentence s : doc.sentences()) {
            if (s.size() < 6) {
                continue;
            }
            int b = s.begin();
            int e = s.end();
            boolean covered = false;
            for (Draft d : drafts) {
                if (d.cb < e && b < d.ce || d.sent == s.index()) {
                    covered = true;
                    break;
                }
            }
            for (Quotes.Quote q : quotes) {
                if (q.overlaps(b, e)) {
                    covered = true;
                    break;
                }
            }
            if (covered) {
                continue;
            }
            double score = CheckWorthiness.score(s.tokens());
            if (score < UNATTRIBUTED_THRESHOLD) {
                continue;
            }
            int[] span = trimmedSpan(s, range(0, s.size() - 1));
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
            d.time = sentenceTime(doc, s, refDate);
            drafts.add(d);
        }
    }

    private static Enrichment.TimeRef sentenceTime(ParsedDoc doc, Sentence s, LocalDate refDate) {
        for (int i = 0; i < s.size(); i++) {
            Token t = s.token(i);
            if (t.isProperNoun() && TimeNormalizer.isTimeWord(t.word()) || t.lower().matches("today|yesterday")) {
                int end = i;
                if (i + 1 < s.size() && s.token(i + 1).pos().equals("CD")) {
                    end = i + 1;
                }
                String text = doc.span(t.begin(), s.token(end).end());
                return new Enrichment.TimeRef(text, TimeNormalizer.normalize(text, refDate));
            }
        }
        return null;
    }

    private static List<Token> tokensIn(Sentence s, int a, int b) {
        return s.tokens().subList(a, b + 1);
    }

    private static List<Token> tokensBetween(ParsedDoc doc, int begin, int end) {
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
}
