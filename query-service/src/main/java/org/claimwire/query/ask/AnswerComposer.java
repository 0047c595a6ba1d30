package org.claimwire.query.ask;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.claimwire.query.text.Text;
import org.claimwire.query.text.Lexicon;
import org.claimwire.query.text.Names;

/**
 * Writes the answer. Every sentence is built from one or more stored claims (or title mentions) and ends in
 * their citation markers; the only words not taken from a cited record are a few fixed connectives ("that",
 * "Stored accounts differ", "is described as"). Sentences are kept as a list so the guarantee is structural.
 */
public final class AnswerComposer {
    static final int MAX_PROSE_CLAIMS = 6;
    static final int MAX_PERSPECTIVE_CLAIMS = 12;

    static final List<String> STANCE_ORDER = List.of("ASSERTS", "DENIES", "NEITHER_CONFIRMS_NOR_DENIES",
            "DECLINES_TO_COMMENT", "NO_RESPONSE", "UNCLASSIFIED");
    static final Map<String, String> LABEL = Map.of(
            "ASSERTS", "Asserts",
            "DENIES", "Denies",
            "NEITHER_CONFIRMS_NOR_DENIES", "Neither confirms nor denies",
            "DECLINES_TO_COMMENT", "Declines to comment",
            "NO_RESPONSE", "No response",
            "UNCLASSIFIED", "Unclassified");
    private static final Map<String, String[]> SUMMARY = Map.of(
            "ASSERTS", new String[] {"asserts", "assert"},
            "DENIES", new String[] {"denies", "deny"},
            "NEITHER_CONFIRMS_NOR_DENIES", new String[] {"neither confirms nor denies", "neither confirm nor deny"},
            "DECLINES_TO_COMMENT", new String[] {"declines to comment", "decline to comment"},
            "NO_RESPONSE", new String[] {"did not respond", "did not respond"},
            "UNCLASSIFIED", new String[] {"takes no clear stance", "take no clear stance"});

    /** A composed answer: sentences (each ends in markers), the numbered citations, the stance groups. */
    public record Composition(List<String> sentences, List<AskAnswer.Citation> citations,
            List<AskAnswer.Perspective> perspectives) {
        public String prose() {
            return Text.display(String.join(" ", sentences));
        }

        Composition withCitations(Cites cites) {
            return new Composition(List.copyOf(sentences), cites.all(), perspectives);
        }
    }

    /** Numbers citations in order of first use. */
    static final class Cites {
        private final Map<String, AskAnswer.Citation> byKey = new LinkedHashMap<>();

        int claim(StoredClaim c) {
            String key = "c" + c.id();
            AskAnswer.Citation have = byKey.get(key);
            if (have != null) {
                return have.n();
            }
            int n = byKey.size() + 1;
            byKey.put(key, new AskAnswer.Citation(n, "claim", c.id(), c.storyId(), c.storyUri(), Text.display(c.headline()),
                    Text.display(c.speakerName() != null ? c.speakerName() : c.speakerText()), Text.display(c.cue()),
                    Text.display(attribution(c)), Text.display(c.content()), c.stance(), c.mode(),
                    Text.display(c.recipientName()), Text.display(c.timeText()), c.publishedAt(), c.contentStart(),
                    c.contentEnd()));
            return n;
        }

        int mention(TitleEvidence e, String entityName) {
            String key = "m" + e.storyId() + ":" + e.start();
            AskAnswer.Citation have = byKey.get(key);
            if (have != null) {
                return have.n();
            }
            int n = byKey.size() + 1;
            StoredClaim c = e.claim();
            byKey.put(key, new AskAnswer.Citation(n, "mention", c == null ? null : c.id(), e.storyId(),
                    e.storyUri(), Text.display(e.headline()), Text.display(entityName), c == null ? null : Text.display(c.cue()),
                    c == null ? null : Text.display(attribution(c)), Text.display(e.text()),
                    c == null ? null : c.stance(), c == null ? null : c.mode(),
                    c == null ? null : Text.display(c.recipientName()), c == null ? null : Text.display(c.timeText()),
                    e.publishedAt(), e.start(), e.end()));
            return n;
        }

        AskAnswer.Citation get(String key) {
            return byKey.get(key);
        }

        List<AskAnswer.Citation> all() {
            return List.copyOf(byKey.values());
        }
    }

    /** Answers a question about claims (yes/no, what/who said, general) from ranked claims. */
    public Composition compose(Question q, List<ClaimRanker.Scored> ranked) {
        Cites cites = new Cites();
        List<String> sentences = new ArrayList<>();
        List<ClaimRanker.Scored> top = ranked.stream().limit(MAX_PERSPECTIVE_CLAIMS).toList();
        Map<String, List<StoredClaim>> groups = group(top);
        if (q.type() == Question.Type.YES_NO && !q.stances().isEmpty()) {
            groups = askedStancesFirst(groups, q.stances());
        }

        switch (q.type()) {
            case YES_NO -> {
                if (groups.size() >= 2) {
                    sentences.add(summary(groups, cites));
                }
                int budget = MAX_PROSE_CLAIMS;
                // Round-robin over stances so every side is heard before any side is heard twice.
                for (int round = 0; round < 3 && budget > 0; round++) {
                    for (List<StoredClaim> g : groups.values()) {
                        if (round < g.size() && round < 2 && budget > 0) {
                            sentences.add(claimSentence(g.get(round), false, cites));
                            budget--;
                        }
                    }
                }
            }
            case WHEN -> sentences.addAll(whenSentences(top, cites));
            default -> {
                // Distinct speakers first, then more claims of the same speakers.
                Set<String> seen = new LinkedHashSet<>();
                List<StoredClaim> order = new ArrayList<>();
                for (ClaimRanker.Scored s : top) {
                    if (seen.add(String.valueOf(s.claim().speakerName()))) {
                        order.add(s.claim());
                    }
                }
                for (ClaimRanker.Scored s : top) {
                    if (!order.contains(s.claim())) {
                        order.add(s.claim());
                    }
                }
                if (q.type() == Question.Type.WHAT_SAID) {
                    order = top.stream().map(ClaimRanker.Scored::claim).toList();
                }
                order.stream().limit(MAX_PROSE_CLAIMS).forEach(c -> sentences.add(claimSentence(c, false, cites)));
            }
        }
        return new Composition(sentences, null, perspectives(groups, cites)).withCitations(cites);
    }

    /**
     * The title mentions a who-is answer shows: the best title (titles come most frequent and recent first) and at
     * most one more, two mentions each. The second is preferably a fuller form of the best ("West German Finance
     * Minister" after "Finance Minister"); a part of the best ("Trade Representative" after "U.S. trade
     * representative") adds nothing and is left out.
     */
    static List<TitleEvidence> shownTitles(List<TitleEvidence> evidence) {
        Map<String, List<TitleEvidence>> byTitle = new LinkedHashMap<>();
        for (TitleEvidence t : evidence) {
            byTitle.computeIfAbsent(titleKey(t.title()), k -> new ArrayList<>()).add(t);
        }
        List<List<TitleEvidence>> titles = new ArrayList<>(byTitle.values());
        if (titles.isEmpty()) {
            return List.of();
        }
        String best = titles.get(0).get(0).title();
        List<TitleEvidence> second = titles.stream().skip(1)
                .filter(ts -> Text.containsPhrase(ts.get(0).title(), best)).findFirst()
                .orElse(titles.stream().skip(1).filter(ts -> !Text.containsPhrase(best, ts.get(0).title()))
                        .findFirst().orElse(List.of()));
        List<TitleEvidence> out = new ArrayList<>(titles.get(0).stream().limit(2).toList());
        out.addAll(second.stream().limit(2).toList());
        return out;
    }

    /**
     * "Who is X": what X is (a person, an organisation, a place), the organisation X's title places X in, the titles
     * learned for X, each cited where it appears ({@code shown}, from {@link #shownTitles}), then one of X's claims.
     */
    Composition describe(StoredEntity e, List<TitleEvidence> shown, Affiliation.Found organisation,
            List<ClaimRanker.Scored> byEntity) {
        Cites cites = new Cites();
        List<String> sentences = new ArrayList<>();
        Map<String, List<TitleEvidence>> byTitle = new LinkedHashMap<>();
        for (TitleEvidence t : shown) {
            byTitle.computeIfAbsent(titleKey(t.title()), k -> new ArrayList<>()).add(t);
        }
        List<String> parts = new ArrayList<>();
        for (List<TitleEvidence> ts : byTitle.values()) {
            StringBuilder part = new StringBuilder("“" + Text.display(ts.get(0).title()) + "” ");
            ts.forEach(t -> part.append('[').append(cites.mention(t, e.name())).append(']'));
            parts.add(part.toString());
        }
        if (!parts.isEmpty()) {
            String name = Text.capitalize(withArticle(Text.display(e.name()), e.type(), null));
            sentences.add(name + " is described as " + joinAnd(parts) + ".");
            String what = KIND.get(e.type());
            if (what != null) {
                TitleEvidence from = organisation != null ? organisation.evidence() : shown.get(0);
                String at = organisation == null ? ""
                        : " at " + withArticle(Text.display(organisation.organisation().name()), "ORGANIZATION", null);
                sentences.add(name + " is " + what + at + " [" + cites.mention(from, e.name()) + "].");
            }
        }
        // one representative claim: the entity's own, else one about it that does not repeat a sentence cited for a title
        List<ClaimRanker.Scored> own = byEntity.stream()
                .filter(s -> s.claim().speakerId() != null && s.claim().speakerId() == e.id()).toList();
        List<ClaimRanker.Scored> about = byEntity.stream().filter(s -> shown.stream().noneMatch(t -> t.storyId() == s.claim().storyId()
                && s.claim().contentStart() < t.end() && t.start() < s.claim().contentEnd())).toList();
        if (!own.isEmpty()) {
            sentences.add(claimSentence(own.get(0).claim(), false, cites));
        } else if (!about.isEmpty()) {
            sentences.add(claimSentence(about.get(0).claim(), false, cites));
        }
        Map<String, List<StoredClaim>> groups = group(byEntity.stream().limit(MAX_PERSPECTIVE_CLAIMS).toList());
        return new Composition(sentences, null, perspectives(groups, cites)).withCitations(cites);
    }

    /** What an entity of each type is, in a who-is answer (other types are not named). */
    private static final Map<String, String> KIND = Map.of(
            "PERSON", "a person",
            "ORGANIZATION", "an organisation",
            "LOCATION", "a place");

    private List<String> whenSentences(List<ClaimRanker.Scored> top, Cites cites) {
        List<String> out = new ArrayList<>();
        List<StoredClaim> timed = new ArrayList<>();
        for (ClaimRanker.Scored s : top) {
            if (!s.context() && !TimeExpressions.find(s.claim().content()).isEmpty()) {
                timed.add(s.claim());
            }
        }
        if (!timed.isEmpty()) {
            for (StoredClaim c : timed.stream().limit(3).toList()) {
                List<String> times = TimeExpressions.find(c.content());
                int n = cites.claim(c);
                StringBuilder s = new StringBuilder("The time given is “" + times.get(0) + "”, according to "
                        + speakerPhrase(c, false));
                String when = TimeExpressions.phrase(c.timeText());
                if (when != null) {
                    s.append(" ").append(when);
                }
                s.append(" [").append(n).append("].");
                out.add(s.toString());
                out.add(claimSentence(c, false, cites));
            }
            return out;
        }
        // No time in the words themselves: say when each statement was made.
        for (ClaimRanker.Scored s : top.stream().filter(x -> !x.context()).limit(3).toList()) {
            out.add(claimSentence(s.claim(), true, cites));
        }
        return out;
    }

    private String summary(Map<String, List<StoredClaim>> groups, Cites cites) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<StoredClaim>> g : groups.entrySet()) {
            int k = g.getValue().size();
            String[] verb = SUMMARY.get(g.getKey());
            StringBuilder p = new StringBuilder(k + " " + (k == 1 ? "account " + verb[0] : "accounts " + verb[1]) + " ");
            for (StoredClaim c : g.getValue()) {
                p.append('[').append(cites.claim(c)).append(']');
            }
            parts.add(p.toString());
        }
        return "Stored accounts differ: " + String.join("; ", parts) + ".";
    }

    /** "Did X deny …": the denials are heard first, then the other sides. */
    static Map<String, List<StoredClaim>> askedStancesFirst(Map<String, List<StoredClaim>> groups, List<String> asked) {
        Map<String, List<StoredClaim>> out = new LinkedHashMap<>();
        groups.forEach((stance, claims) -> {
            if (asked.contains(stance)) {
                out.put(stance, claims);
            }
        });
        out.putAll(groups);
        return out;
    }

    static Map<String, List<StoredClaim>> group(List<ClaimRanker.Scored> ranked) {
        Map<String, List<StoredClaim>> groups = new LinkedHashMap<>();
        for (String s : STANCE_ORDER) {
            for (ClaimRanker.Scored r : ranked) {
                String st = r.claim().stance() == null || !LABEL.containsKey(r.claim().stance())
                        ? "UNCLASSIFIED" : r.claim().stance();
                if (st.equals(s)) {
                    groups.computeIfAbsent(s, k -> new ArrayList<>()).add(r.claim());
                }
            }
        }
        return groups;
    }

    private static List<AskAnswer.Perspective> perspectives(Map<String, List<StoredClaim>> groups, Cites cites) {
        List<AskAnswer.Perspective> out = new ArrayList<>();
        for (Map.Entry<String, List<StoredClaim>> g : groups.entrySet()) {
            List<AskAnswer.Citation> cs = new ArrayList<>();
            for (StoredClaim c : g.getValue()) {
                int n = cites.claim(c);
                cs.add(cites.get("c" + c.id()));
                assert cs.get(cs.size() - 1).n() == n;
            }
            out.add(new AskAnswer.Perspective(g.getKey(), LABEL.get(g.getKey()), cs));
        }
        return out;
    }

    static String attribution(StoredClaim c) {
        StringBuilder a = new StringBuilder();
        if (c.speakerText() != null) {
            a.append(c.speakerText().strip());
        }
        if (c.cue() != null) {
            a.append(a.length() > 0 ? " " : "").append(c.cue().strip());
        }
        if (c.connector() != null && !c.connector().isBlank()) {
            a = new StringBuilder(c.speakerText() == null ? "" : c.speakerText().strip());
            a.append(' ').append(c.connector().strip());
        }
        return a.length() == 0 ? null : a.toString();
    }

    /** One claim as a sentence ending in its marker: "Donald Trump told the New York Post that ... [1]." */
    static String claimSentence(StoredClaim c, boolean withTime, Cites cites) {
        int n = cites.claim(c);
        String body = balanceQuotes(Text.clause(Text.display(c.content())));
        String speaker = speakerPhrase(c, true);
        if (speaker == null || "UNATTRIBUTED".equals(c.mode())) {
            return "A stored report states: “" + body + "” [" + n + "].";
        }
        String cue = kindCue(c);
        String recipient = recipientPhrase(c, cue, body);
        String time = "";
        if (withTime) {
            String when = TimeExpressions.phrase(c.timeText());
            if (when == null && c.publishedAt() != null) {
                when = "on " + c.publishedAt().toString().substring(0, 10);
            }
            if (when != null && !Text.containsPhrase(body, c.timeText() == null ? when : c.timeText())) {
                time = " " + when;
            }
        }
        String head = speaker + " " + cue + recipient + time;
        String s;
        String lowerBody = body.toLowerCase(Locale.ROOT);
        String connector = Text.display(c.connector());
        if (connector != null && !withTime && connector.isEmpty()) {
            connector = null;
        }
        // "Under the terms of the order, …", "To lure the opposition back, …": the claim is a whole sentence, so it
        // joins with "that" and a small first letter, never as the cue's object ("said Under the terms …").
        boolean wholeSentence = !"DIRECT".equals(c.mode()) && opensSentence(body);
        String quoted = body;
        if (wholeSentence) {
            String end = connector == null ? "" : connector.strip();
            if (end.endsWith(":") || end.endsWith("\"") || end.endsWith("“")) {
                wholeSentence = false;
            } else {
                body = Character.toLowerCase(body.charAt(0)) + body.substring(1);
                if (connector != null && !end.toLowerCase(Locale.ROOT).endsWith(" that")) {
                    connector = null;
                }
            }
        }
        if (connector != null && !withTime) {
            // The story's own words between speaker and content: "said today that", "has so far not responded to a".
            String link = connector;
            if (c.recipientText() != null && c.recipientName() != null && link.contains(c.recipientText())
                    && !Names.normalise(c.recipientText()).equals(Names.normalise(c.recipientName()))) {
                link = link.replace(c.recipientText(), withArticle(c.recipientName(), c.recipientType(), null))
                        .replace("the the ", "the ").replace("a the ", "the ");
            }
            s = speaker + " " + link + " " + body;
        } else if (Names.normalise(body).startsWith(Names.normalise(cue)) && !Names.normalise(cue).isEmpty()) {
            // "did not elaborate further" under the cue "did not elaborate"
            s = speaker + recipient + time + " " + body;
        } else if ("NO_RESPONSE".equals(c.stance()) && !negated(cue)) {
            // The cue span may be "responded" with its negation outside it: say what the stance says.
            s = speaker + " did not respond" + recipient + (lowerBody.startsWith("to ") ? " " : " to ") + body;
        } else if ("DECLINES_TO_COMMENT".equals(c.stance()) && !negated(cue)) {
            s = speaker + " declined to comment" + recipient + ": “" + stripOuterQuotes(body) + "”";
        } else if ("DIRECT".equals(c.mode())) {
            s = head + ": “" + stripOuterQuotes(body) + "”";
        } else if (wholeSentence) {
            s = takesThatClause(cue) ? head + " that " + body : head + ": “" + stripOuterQuotes(quoted) + "”";
        } else if (lowerBody.startsWith("that ") || lowerBody.startsWith("to ") || lowerBody.startsWith("on ")
                || lowerBody.startsWith("about ") || lowerBody.startsWith("whether ") || lowerBody.startsWith("if ")) {
            s = head + " " + body;
        } else if (respondCue(cue)) {
            s = head + " to " + body;
        } else if (takesThatClause(cue)) {
            s = head + " that " + body;
        } else if (startsNounPhrase(lowerBody)) {
            // "rejected a U.K. suggestion …": the content is the cue's object
            s = head + " " + body;
        } else {
            // no "that" after a verb that does not take one ("rejected that …"): quote the claim's words
            s = head + ": “" + stripOuterQuotes(body) + "”";
        }
        return s + " [" + n + "].";
    }

    /** Reporting verbs (by lemma) that take a "that" clause. */
    private static final Set<String> THAT_VERBS = Set.of("say", "tell", "add", "state", "claim", "believe", "think",
            "expect", "announce", "report", "confirm", "deny", "warn", "predict", "insist", "note", "argue", "estimate",
            "explain", "agree", "acknowledge", "admit", "suggest", "indicate", "forecast", "assert", "maintain",
            "stress", "reiterate", "show", "fear", "hope", "know", "feel", "reply", "answer", "respond", "write",
            "testify", "concede", "complain", "charge", "allege", "emphasize", "emphasise", "point", "recall",
            "disclose", "reveal", "declare", "contend", "predicted", "assure", "inform", "remark", "observe",
            "conclude", "find", "learn", "hear", "understand", "decide", "propose", "recommend", "urge", "ask",
            "demand", "caution", "signal", "mean", "imply", "guarantee", "promise", "pledge", "vow", "swear",
            "threaten", "worry", "doubt", "believes", "intend", "plan", "want", "wish", "question", "wonder");

    private static boolean takesThatClause(String cue) {
        List<String> w = Text.words(cue);
        for (String word : w) {
            if (THAT_VERBS.contains(Lexicon.lemma(word))) {
                return true;
            }
        }
        return w.isEmpty();
    }

    /**
     * A claim cut out of a longer quotation may keep one of its quotation marks ("the policy \"has been unchanged"):
     * an opening mark left open is closed at the end, a closing mark without its opening is dropped.
     */
    static String balanceQuotes(String body) {
        int count = 0;
        int last = -1;
        for (int i = 0; i < body.length(); i++) {
            if (body.charAt(i) == '"') {
                count++;
                last = i;
            }
        }
        if (count % 2 == 0) {
            return body;
        }
        boolean opening = last + 1 < body.length() && !Character.isWhitespace(body.charAt(last + 1))
                && (last == 0 || Character.isWhitespace(body.charAt(last - 1)));
        return opening ? body + "\"" : (body.substring(0, last) + body.substring(last + 1)).strip();
    }

    /** Words that open a sentence but never a name: a claim starting with one capitalised is a whole sentence. */
    private static final Set<String> SENTENCE_OPENERS = Set.of("under", "after", "before", "while", "although",
            "though", "because", "since", "despite", "unless", "until", "once", "however", "accordingly", "meanwhile",
            "nevertheless", "instead", "without", "within", "during", "against", "following", "given", "through",
            "besides", "moreover", "furthermore", "thus", "therefore", "otherwise", "only", "even", "such", "here");

    /** The claim starts like a sentence of its own: a capitalised function word ("Under", "To", "The", "It"). */
    static boolean opensSentence(String body) {
        if (body.isEmpty() || !Character.isUpperCase(body.charAt(0))) {
            return false;
        }
        String first = body.split("[\\s,]+", 2)[0];
        if (first.length() < 2 || !first.substring(1).equals(first.substring(1).toLowerCase(Locale.ROOT))) {
            return false; // "I", "U.S.", "OPEC"
        }
        String w = first.toLowerCase(Locale.ROOT);
        return Lexicon.isStopword(w) || SENTENCE_OPENERS.contains(w);
    }

    private static boolean startsNounPhrase(String lowerBody) {
        String first = lowerBody.split("\\s+", 2)[0];
        return Set.of("a", "an", "the", "this", "these", "those", "its", "his", "her", "their", "our", "any", "all",
                "some", "no", "each", "every").contains(first) || first.matches("\\d.*");
    }

    /**
     * The verb the answer uses: the story's cue, except that a claim that is not a statement is never reported as
     * "said": a question is asked, a belief believed, an intention intended, evidence shows.
     */
    static String kindCue(StoredClaim c) {
        String cue = c.cue() == null ? "" : Text.display(c.cue());
        boolean plain = cue.isEmpty() || Text.words(cue).stream().allMatch(w -> Lexicon.lemma(w).equals("say"));
        if (!plain) {
            return cue;
        }
        return switch (c.kindOrStatement()) {
            case "QUESTION" -> "asked";
            case "BELIEF" -> "believes";
            case "INTENTION" -> "intends";
            case "EVIDENCE" -> "shows";
            default -> cue.isEmpty() ? "said" : cue;
        };
    }

    private static boolean negated(String cue) {
        for (String w : Text.words(cue)) {
            if (Set.of("not", "no", "never", "declined", "declines", "decline", "refused", "refuses", "failed",
                    "neither", "nor").contains(w) || w.endsWith("n't")) {
                return true;
            }
        }
        return false;
    }

    private static boolean respondCue(String cue) {
        String last = Text.words(cue).isEmpty() ? "" : Text.words(cue).get(Text.words(cue).size() - 1);
        return Set.of("respond", "reply", "answer", "react").contains(Lexicon.lemma(last));
    }

    private static String stripOuterQuotes(String s) {
        String t = s.strip();
        if (t.length() >= 2 && (t.startsWith("“") || t.startsWith("\"")) && (t.endsWith("”") || t.endsWith("\""))) {
            return t.substring(1, t.length() - 1);
        }
        if (t.startsWith("“") || t.startsWith("\"")) {
            return t.substring(1);
        }
        if (t.endsWith("”") || t.endsWith("\"")) {
            return t.substring(0, t.length() - 1);
        }
        return t;
    }

    static String speakerPhrase(StoredClaim c, boolean sentenceStart) {
        String name = Text.display(c.speakerName() != null ? c.speakerName() : c.speakerText());
        if (name == null || name.isBlank()) {
            return null;
        }
        String p = withArticle(name, c.speakerType(), c.speakerText());
        return sentenceStart ? Text.capitalize(p) : p;
    }

    private static String recipientPhrase(StoredClaim c, String cue, String body) {
        if (c.recipientName() == null || c.recipientName().isBlank()) {
            return "";
        }
        if (Text.containsPhrase(cue, c.recipientName()) || Text.containsPhrase(body, c.recipientName())) {
            return "";
        }
        String r = withArticle(Text.display(c.recipientName()), c.recipientType(), null);
        List<String> w = Text.words(cue);
        String last = w.isEmpty() ? "" : Lexicon.lemma(w.get(w.size() - 1));
        return Set.of("tell", "inform", "assure", "brief", "warn", "urge", "ask").contains(last) ? " " + r : " to " + r;
    }

    /** "White House" → "the White House" (multi-word organisations); persons and one-word names unchanged. */
    static String withArticle(String name, String type, String spanText) {
        if (spanText != null && Names.normalise(spanText).equals(Names.normalise(name))
                && spanText.strip().toLowerCase(Locale.ROOT).startsWith("the ")) {
            return "the " + spanText.strip().substring(4);
        }
        if ("ORGANIZATION".equals(type) && name.strip().contains(" ")
                && !name.strip().toLowerCase(Locale.ROOT).startsWith("the ")) {
            return "the " + name.strip();
        }
        return name.strip();
    }

    private static String titleKey(String title) {
        return Names.normalise(title).replace(" ", "");
    }

    private static String joinAnd(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
