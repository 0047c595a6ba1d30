package org.claimwire.nlp.claims;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.claimwire.events.Enrichment;
import org.claimwire.events.Enrichment.Kind;
import org.claimwire.events.Enrichment.Mode;
import org.claimwire.events.Enrichment.Stance;
import org.claimwire.nlp.doc.DisplayText;
import org.claimwire.nlp.doc.Edge;
import org.claimwire.nlp.doc.ParsedDoc;
import org.claimwire.nlp.doc.Sentence;
import org.claimwire.nlp.doc.Token;
import org.claimwire.nlp.entities.Entity;
import org.claimwire.nlp.entities.StoryEntities;
import org.claimwire.nlp.entities.StoryEntities.Ref;
import org.claimwire.nlp.entities.WordList;

/**
 * Attributed claims of a story. For each cue ({@link CueFinder}) it takes the source ({@link Speakers}),
 * the content ({@link ContentSpans}, widened by {@link QuoteAttribution}), addressee and time
 * ({@link Circumstances}), stance ({@link StanceRules}) and kind (the cue lexicon); then layout-marked
 * quotes ({@link LabelledQuotes}) and unattributed check-worthy statements ({@link Scoring}). General rules only.
 */
public final class ClaimExtractor {
    /** Sources that are documents or data: what they show is evidence ("the FEC filing", "the poll"). */
    private static final Set<String> EVIDENCE_SOURCES = WordList.load(ClaimExtractor.class, "evidence-sources.txt");

    private final CueLexicon lex;
    private final CueFinder cues;
    private final ContentHeads contentHeads;
    private final ContentSpans contents;
    private final Circumstances circumstances;
    private final StanceRules stances;

    public ClaimExtractor(CueLexicon lex) {
        this.lex = lex;
        this.cues = new CueFinder(lex);
        this.contentHeads = new ContentHeads(lex);
        this.contents = new ContentSpans(lex);
        this.circumstances = new Circumstances(lex);
        this.stances = new StanceRules(lex);
    }

    /** The cheap prefilter: only sentences that can hold an attribution are dependency-parsed. */
    public boolean needsParse(Sentence s) {
        return cues.mayHoldCue(s);
    }

    public List<Enrichment.Claim> extract(ParsedDoc doc, StoryEntities ents, LocalDate refDate) {
        List<Quotes.Quote> quotes = Quotes.find(doc, lex);
        List<Draft> drafts = new ArrayList<>();
        for (Sentence s : doc.sentences()) {
            if (!s.parsed()) {
                continue;
            }
            TrailingReporter.repair(s, lex);
            for (CueFinder.Site site : cues.find(s)) {
                if (site.form() == CueFinder.Form.ACCORDING_TO) {
                    accordingTo(doc, s, site.token(), ents, quotes, refDate, drafts);
                } else {
                    cue(doc, s, site, ents, quotes, refDate, drafts);
                }
            }
        }
        QuoteFrames.attribute(doc, ents, quotes, drafts, lex);
        for (Draft d : drafts) {
            QuoteAttribution.extendToResumedQuote(d, doc, quotes, drafts);
        }
        LabelledQuotes.colonLabels(doc, ents, drafts);
        LabelledQuotes.dashSignatures(doc, ents, quotes, drafts);
        LabelledQuotes.headlineSays(doc, ents, drafts);
        removeNestedSameSpeaker(drafts);
        removeQuotedStates(drafts, quotes);
        inheritRecipients(drafts);
        Scoring.unattributed(doc, quotes, drafts, refDate);
        drafts.sort(Comparator.comparingInt(Draft::sortKey).thenComparingInt(d -> d.cb));
        List<Enrichment.Claim> out = new ArrayList<>();
        int n = 1;
        for (Draft d : drafts) {
            out.add(toClaim("c" + n++, d, doc, ents));
        }
        return out;
    }

    private static Enrichment.Claim toClaim(String id, Draft d, ParsedDoc doc, StoryEntities ents) {
        List<String> about = new ArrayList<>();
        for (Entity e : ents.entitiesIn(d.cb, d.ce)) {
            about.add(e.id());
        }
        String content = DisplayText.normalise(doc.span(d.cb, d.ce));
        Kind kind = d.kind;
        if (d.mode != Mode.UNATTRIBUTED && kind == Kind.STATEMENT && content.endsWith("?")) {
            kind = Kind.QUESTION;
        }
        Enrichment.Cue cue = d.cue == null ? null : new Enrichment.Cue(d.cue.start(), d.cue.end(),
                DisplayText.normalise(d.cue.text()), d.cue.lemma());
        Enrichment.TimeRef time = d.time == null ? null
                : new Enrichment.TimeRef(DisplayText.normalise(d.time.text()), d.time.normalized());
        return new Enrichment.Claim(id, d.speaker == null ? null : d.speaker.toContract(), cue,
                new Enrichment.Span(d.cb, d.ce, content), d.mode, d.stance, kind,
                d.recipient == null ? null : d.recipient.toContract(), time, about, d.checkWorthiness, d.confidence);
    }

    // ---- cue words --------------------------------------------------------------------------------------

    private void cue(ParsedDoc doc, Sentence s, CueFinder.Site site, StoryEntities ents, List<Quotes.Quote> quotes,
                     LocalDate refDate, List<Draft> drafts) {
        int k = site.token();
        String lemma = site.lemma();
        Token v = s.token(k);
        if (StanceRules.isPartOfNeitherConfirmNorDeny(s, k)) {
            return; // "neither confirm nor deny" inside another claim: its stance, not a claim
        }
        if (s.rel(k).equals("xcomp") && s.head(k) >= 0 && lex.isCue(s.token(s.head(k)).lemma())) {
            return; // "declined to comment", "wants to say": handled by the governing cue
        }
        int subj = QuoteAttribution.sourceOutsideQuote(s, k, Speakers.sourceToken(s, k, site.form(), lex), quotes);
        boolean writer = subj >= 0 && isWriterVoice(doc, s, k, subj, quotes);
        if (subj >= 0 && (!writer && Speakers.isNonSource(s, k, subj) || (lex.has(lemma, "deny") || lex.has(lemma, "agent"))
                && StanceRules.isNonSpeaker(s, subj))) {
            return; // "I said" in a quote; "the rules deny benefits", "traffic calls for a new road" (no one speaks)
        }
        if (subj < 0 && site.form() != CueFinder.Form.PASSIVE) {
            return;
        }
        boolean negated = StanceRules.negated(s, k);
        Ref speaker = subj < 0 ? null : Speakers.viaRelativePronoun(s, k, Speakers.resolve(s, subj, ents));
        Ref recipient = circumstances.recipient(s, k, lemma, ents);
        if (site.form() == CueFinder.Form.PASSIVE && recipient == null && lex.has(lemma, "recipient")) {
            recipient = passiveAddressee(s, k, ents); // "Trump was told that ..."
        }
        Enrichment.TimeRef time = Circumstances.time(doc, s, k, refDate);
        Enrichment.Cue cue = new Enrichment.Cue(v.begin(), v.end(), v.word(), lemma);
        Kind kind = kindOf(s, lemma, subj);

        // silence: "declined to comment", "did not elaborate", "has not responded to a request for comment"
        boolean decline = lex.has(lemma, "decline");
        if (decline || (lex.has(lemma, "elaborate") || lex.has(lemma, "respond")) && negated
                && ContentHeads.ccomps(s, k).isEmpty()) {
            StanceRules.Refusal refusal = decline ? stances.refusal(s, k) : StanceRules.Refusal.SILENCE;
            if (refusal == StanceRules.Refusal.ANONYMITY || refusal == StanceRules.Refusal.NONE) {
                return;
            }
            if (refusal == StanceRules.Refusal.SILENCE) {
                silence(s, k, subj, lemma, speaker, cue, recipient, time, ents, drafts);
                return;
            }
        }

        List<Integer> heads = contentHeads.heads(s, k, lemma);
        heads.removeIf(h -> h == subj); // an inverted source parsed as the object is not the content
        if (heads.isEmpty()) {
            Quotes.Quote q = QuoteAttribution.adjacent(doc, s, k, subj, quotes);
            if (q == null || subj < 0) {
                return;
            }
            Draft d = draft(s, speaker, cue, null, recipient, time, stances.byCue(lemma, negated), kind);
            d.cb = q.begin();
            d.ce = q.end();
            d.mode = Mode.DIRECT;
            d.confidence -= 0.1;
            d.checkWorthiness = CheckWorthiness.score(Scoring.tokensBetween(doc, d.cb, d.ce));
            drafts.add(d);
            return;
        }
        for (int h : heads) {
            if (StanceRules.actsOnPerson(s, h) && lex.has(lemma, "deny")) {
                continue; // "dismissed the manager"
            }
            List<Integer> toks = contents.tokens(s, k, h, heads);
            int[] span = ContentSpans.trimmed(s, toks);
            if (span == null) {
                continue;
            }
            Stance stance;
            Kind claimKind = kind;
            if (stances.isDecision(s, k, lemma, h, subj)) {
                if (speaker == null) {
                    continue;              // "were denied credentials": a decision by nobody named is no claim
                }
                stance = Stance.ASSERTS;   // "rejected the offer": a decision, not a denial
                claimKind = Kind.INTENTION;
            } else {
                stance = stances.stance(s, lemma, negated, toks);
            }
            if (lemma.equals("ask") && !s.rel(h).equals("ccomp")) {
                claimKind = Kind.STATEMENT;  // "asked him to resign": a request
            }
            Draft d = draft(s, speaker, cue, span, recipient, time, stance, claimKind);
            List<Token> cwTokens = new ArrayList<>(s.tokens().subList(span[0], span[1] + 1));
            cwTokens.add(v);
            for (int c : s.children(k)) {
                if (s.rel(c).equals("advmod") || s.rel(c).startsWith("aux")) {
                    cwTokens.add(s.token(c));
                }
            }
            QuoteAttribution.apply(d, quotes);
            if (d.mode == Mode.DIRECT) {
                cwTokens = Scoring.tokensBetween(doc, d.cb, d.ce);
            }
            d.checkWorthiness = CheckWorthiness.score(cwTokens);
            drafts.add(d);
        }
    }

    /** A transcript's speaker label ("TAPPER:") or markup (an embedded tweet) opening a paragraph. */
    private static final Pattern LABELLED_PARAGRAPH =
            Pattern.compile("^\\W{0,2}(?:<|[A-Z][A-Z.' -]{1,30}:)");

    /**
     * "I believe ..." in the writer's own voice: no quote holds the pronoun, the sentence has no quote marks (a
     * quote running over paragraphs may not be found whole), its paragraph is no transcript turn or embedded
     * post, and the cue is not title-cased (a headline: "What We Know").
     */
    private static boolean isWriterVoice(ParsedDoc doc, Sentence s, int k, int subj, List<Quotes.Quote> quotes) {
        Token t = s.token(subj);
        if (!Speakers.isWriter(t) || quotes.stream().anyMatch(q -> q.contains(t.begin(), t.end()))
                || k > 0 && Character.isUpperCase(s.token(k).word().charAt(0))) {
            return false;
        }
        for (int i = 0; i < s.size(); i++) {
            String w = s.token(i).word();
            if (Quotes.isQuoteMark(w) || w.contains("\u201c") || w.contains("\u201d")) {
                return false;
            }
        }
        String text = doc.text();
        int para = text.lastIndexOf('\n', t.begin()) + 1;
        return !LABELLED_PARAGRAPH.matcher(text.substring(para, Math.min(text.length(), para + 40))).find();
    }

    private void silence(Sentence s, int k, int subj, String lemma, Ref speaker, Enrichment.Cue cue, Ref recipient,
                         Enrichment.TimeRef time, StoryEntities ents, List<Draft> drafts) {
        Stance stance = Stance.DECLINES_TO_COMMENT;
        int[] span;
        if (lex.has(lemma, "respond")) {
            if (!Circumstances.mentionsRequest(s)) {
                return;
            }
            stance = Stance.NO_RESPONSE;
            List<Edge> to = s.out(k, r -> r.equals("obl:to") || r.equals("obj"));
            span = to.isEmpty() ? ContentSpans.predicate(s, k, subj)
                    : ContentSpans.span(s, s.subtree(to.get(0).dep(),
                            c -> s.rel(c).equals("case") && s.head(c) == to.get(0).dep()));
            if (recipient == null) {
                recipient = Circumstances.requester(s, to.isEmpty() ? -1 : to.get(0).dep(), ents);
            }
        } else {
            span = ContentSpans.predicate(s, k, subj);
        }
        if (span == null) {
            return;
        }
        Draft d = draft(s, speaker, cue, span, recipient, time, stance, Kind.STATEMENT);
        d.checkWorthiness = CheckWorthiness.score(s.tokens().subList(span[0], span[1] + 1));
        drafts.add(d);
    }

    /** The cue's kind; a document or dataset as the source makes what it says evidence. */
    private Kind kindOf(Sentence s, String lemma, int subj) {
        Kind k = lex.kind(lemma);
        if (k == Kind.STATEMENT && subj >= 0 && isEvidenceSource(s.token(subj))) {
            return Kind.EVIDENCE;
        }
        return k;
    }

    private static boolean isEvidenceSource(Token t) {
        return t.isNoun() && !t.isProperNoun() && isEvidenceWord(t);
    }

    /** A document or dataset word ("poll", "records"), whatever its tag (headlines tag every word NNP). */
    static boolean isEvidenceWord(Token t) {
        return EVIDENCE_SOURCES.contains(t.lemma().toLowerCase(Locale.ROOT)) || EVIDENCE_SOURCES.contains(t.lower());
    }

    private static Ref passiveAddressee(Sentence s, int k, StoryEntities ents) {
        for (Edge e : s.out(k, r -> r.equals("nsubj:pass"))) {
            Token t = s.token(e.dep());
            if (!t.pos().startsWith("PRP") || !t.lower().equals("it")) {
                List<Integer> toks = s.subtree(e.dep(), c -> s.rel(c).startsWith("acl") || s.rel(c).equals("punct"));
                return ents.resolveNounPhrase(s, e.dep(), toks.get(0), toks.get(toks.size() - 1) + 1);
            }
        }
        return null;
    }

    private static Draft draft(Sentence s, Ref speaker, Enrichment.Cue cue, int[] span, Ref recipient,
                               Enrichment.TimeRef time, Stance stance, Kind kind) {
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
        d.kind = kind;
        d.confidence = Scoring.confidence(speaker);
        return d;
    }

    // ---- according to -----------------------------------------------------------------------------------

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
        List<Integer> inSource = s.subtree(src, c -> false);
        int srcEnd = srcToks.get(srcToks.size() - 1);
        // the clause on the side of "according to" that does not hold the source
        List<Integer> toks = new ArrayList<>();
        List<Integer> side = new ArrayList<>();
        for (int t : s.subtree(clause, c -> false)) {
            if (inSource.contains(t)) {
                continue;
            }
            toks.add(t);
            if ((k < clause && t > srcEnd) || (k > clause && t < k)) {
                side.add(t);
            }
        }
        int[] span = ContentSpans.trimmed(s, side.isEmpty() ? toks : side);
        if (span == null) {
            return;
        }
        Token a = s.token(k);
        Token to = s.token(k + 1);
        Enrichment.Cue cue = new Enrichment.Cue(a.begin(), to.end(), doc.span(a.begin(), to.end()), "according to");
        Kind kind = isEvidenceSource(s.token(src)) ? Kind.EVIDENCE : Kind.STATEMENT;
        Draft d = draft(s, speaker, cue, span, null, Circumstances.time(doc, s, clause, refDate), Stance.ASSERTS, kind);
        d.stance = stances.stance(s, "according", StanceRules.negated(s, clause), ContentSpans.range(span[0], span[1]));
        QuoteAttribution.apply(d, quotes);
        d.checkWorthiness = CheckWorthiness.score(s.tokens().subList(span[0], span[1] + 1));
        drafts.add(d);
    }

    // ---- clean-up ---------------------------------------------------------------------------------------

    /** "Trump said he told Putin ...": the inner claim of the same speaker adds nothing; identical spans once. */
    private static void removeNestedSameSpeaker(List<Draft> drafts) {
        List<Draft> drop = new ArrayList<>();
        for (Draft inner : drafts) {
            for (Draft outer : drafts) {
                if (inner != outer && inner.sameSpeaker(outer) && outer.cb <= inner.speaker.begin()
                        && inner.ce <= outer.ce && outer.cb <= inner.cb
                        && (outer.ce - outer.cb) > (inner.ce - inner.cb)) {
                    drop.add(inner);
                }
            }
        }
        drafts.removeAll(drop);
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
     * "We want jobs," she said: a belief or intention ascribed inside someone's quote is part of what the
     * quoted speaker says, not an attribution of its own.
     */
    private static void removeQuotedStates(List<Draft> drafts, List<Quotes.Quote> quotes) {
        drafts.removeIf(d -> (d.kind == Kind.BELIEF || d.kind == Kind.INTENTION) && d.cue != null
                && quotes.stream().anyMatch(q -> q.contains(d.cue.start(), d.cue.end())));
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
                if (p.recipient != null && p.sameSpeaker(d) && p.recipient.entity() != null) {
                    d.recipient = p.recipient;
                    d.confidence = Math.min(d.confidence, 0.8);
                    break;
                }
            }
        }
    }
}
