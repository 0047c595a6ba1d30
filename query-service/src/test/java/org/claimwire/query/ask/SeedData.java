package org.claimwire.query.ask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimwire.events.EnrichedStory;
import org.claimwire.events.Enrichment;
import org.claimwire.events.NlpModel;
import org.claimwire.events.PubStatus;
import org.claimwire.events.Story;
import org.claimwire.testsupport.Fixtures;
import org.claimwire.query.text.Text;
import org.claimwire.query.text.Lexicon;

/**
 * The seed story's enrichment as an ideal nlp-service would produce it, built from gold.json: every
 * must_resolve / also_refers string becomes a mention (longest first, no overlaps), each gold claim gets its
 * speaker span (nearest mention of the speaker in the sentence, else the word before the cue), its cue span,
 * and a content span that extends the gold anchor to the end of the clause for reported speech.
 */
public final class SeedData {
    public static final String URI = "urn:claimwire:test:seed-peskov-trump-putin";
    public static final String HEADLINE = "Kremlin can neither confirm nor deny report of Trump-Putin phone call";
    public static final Instant PUBLISHED = Instant.parse("2025-02-10T12:00:00Z");

    private SeedData() {
    }

    public static String body() {
        String text = Fixtures.seedStory();
        int furniture = text.indexOf("\nAsk me anything");
        return furniture > 0 ? text.substring(0, furniture) : text.strip();
    }

    public static Story story() {
        return new Story(URI, 1, PUBLISHED, PUBLISHED, PubStatus.USABLE, "en", HEADLINE, "Test desk", body(),
                "Moscow", List.of(), List.of(new Story.InfoSource("Reuters", "source", null)), null, "seed-test",
                "seed-hash", null);
    }

    public static EnrichedStory enrichedStory() {
        return new EnrichedStory(story(), enrichment(), new NlpModel("gold", "1", List.of("gold")), PUBLISHED);
    }

    public static InMemoryClaimIndex index() {
        InMemoryClaimIndex index = new InMemoryClaimIndex();
        index.add(1, URI, HEADLINE, PUBLISHED, body(), enrichment());
        return index;
    }

    private record M(int start, int end, String text, String key) {
    }

    public static Enrichment enrichment() {
        try {
            JsonNode gold = new ObjectMapper().readTree(Fixtures.seedGold());
            String body = body();
            Map<String, String> ids = new LinkedHashMap<>();
            Map<String, JsonNode> goldEntities = new LinkedHashMap<>();
            List<String[]> surface = new ArrayList<>();
            int n = 1;
            for (JsonNode e : gold.get("entities")) {
                String key = e.get("key").asText();
                ids.put(key, "e" + n++);
                goldEntities.put(key, e);
                for (String field : List.of("must_resolve", "also_refers")) {
                    if (e.has(field)) {
                        e.get(field).forEach(s -> surface.add(new String[] {s.asText(), key}));
                    }
                }
            }
            surface.sort(Comparator.comparingInt((String[] s) -> s[0].length()).reversed());
            List<M> mentions = new ArrayList<>();
            for (String[] s : surface) {
                int from = 0;
                int at;
                while ((at = body.indexOf(s[0], from)) >= 0) {
                    int end = at + s[0].length();
                    boolean wordBounded = (at == 0 || !Character.isLetterOrDigit(body.charAt(at - 1)))
                            && (end >= body.length() || !Character.isLetterOrDigit(body.charAt(end)));
                    final int a = at;
                    if (wordBounded && mentions.stream().noneMatch(m -> m.start() < end && a < m.end())) {
                        mentions.add(new M(at, end, s[0], s[1]));
                    }
                    from = at + 1;
                }
            }
            mentions.sort(Comparator.comparingInt(M::start));

            List<Enrichment.Entity> entities = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : goldEntities.entrySet()) {
                List<Enrichment.Span> spans = mentions.stream().filter(m -> m.key().equals(e.getKey()))
                        .map(m -> new Enrichment.Span(m.start(), m.end(), m.text())).toList();
                if (spans.isEmpty()) {
                    continue;
                }
                List<String> titles = new ArrayList<>();
                if (e.getValue().has("titles")) {
                    e.getValue().get("titles").forEach(t -> titles.add(t.asText()));
                }
                entities.add(new Enrichment.Entity(ids.get(e.getKey()), e.getValue().get("canonical").asText(),
                        Enrichment.EntityType.valueOf(e.getValue().get("type").asText()), titles, spans));
            }

            List<int[]> anchors = new ArrayList<>();
            gold.get("claims").forEach(c -> anchors.add(new int[] {c.get("content_anchor").get("start").asInt(),
                    c.get("content_anchor").get("end").asInt()}));
            List<Enrichment.Claim> claims = new ArrayList<>();
            for (JsonNode c : gold.get("claims")) {
                int aStart = c.get("content_anchor").get("start").asInt();
                int aEnd = c.get("content_anchor").get("end").asInt();
                int[] sentence = Text.sentenceAround(body, aStart, aEnd);
                String mode = c.get("mode").asText();
                int cStart = aStart;
                int cEnd = aEnd;
                if (!mode.equals("DIRECT")) {
                    boolean laterAnchor = anchors.stream().anyMatch(x -> x[0] >= aEnd && x[0] < sentence[1]);
                    if (!laterAnchor) {
                        cEnd = sentence[1];
                        while (cEnd > cStart && ".,”\" ".indexOf(body.charAt(cEnd - 1)) >= 0) {
                            cEnd--;
                        }
                    }
                    if (cStart > 0 && body.charAt(cStart - 1) == '“') {
                        cStart--;
                    }
                }
                String cueText = c.get("cue").asText();
                int cueAt = nearest(body, cueText, sentence[0], sentence[1], aStart);
                if (cueAt < 0) {
                    cueAt = nearest(body, cueText, 0, body.length(), aStart);
                }
                // Reported speech: the content starts right after "that" following the cue ("said today that he can").
                if (!mode.equals("DIRECT") && cueAt + cueText.length() <= cStart) {
                    String between = body.substring(cueAt + cueText.length(), cStart);
                    int that = between.lastIndexOf(" that ");
                    if (that >= 0 && between.length() < 60) {
                        cStart = cueAt + cueText.length() + that + 6;
                    }
                }
                Enrichment.Span content = new Enrichment.Span(cStart, cEnd, body.substring(cStart, cEnd));
                Enrichment.Cue cue = new Enrichment.Cue(cueAt, cueAt + cueText.length(), cueText,
                        lemma(cueText));
                String speakerKey = c.get("speaker").asText();
                final int cuePos = cueAt;
                M speakerMention = mentions.stream().filter(m -> m.key().equals(speakerKey)
                        && m.start() >= sentence[0] && m.end() <= sentence[1]
                        && !(m.start() >= content.start() && m.end() <= content.end()))
                        .min(Comparator.comparingInt(m -> Math.abs(m.start() - cuePos))).orElse(null);
                Enrichment.EntityRef speaker;
                String speakerName = goldEntities.get(speakerKey).get("canonical").asText();
                if (speakerMention != null) {
                    int s = speakerMention.start();
                    // "Kremlin spokesman Dmitry Peskov": the speaker span includes the title before the name.
                    for (String t : titles(goldEntities.get(speakerKey))) {
                        int tAt = s - t.length() - 1;
                        if (tAt >= 0 && body.startsWith(t, tAt)) {
                            s = tAt;
                        }
                    }
                    speaker = new Enrichment.EntityRef(ids.get(speakerKey), speakerName, s, speakerMention.end(),
                            body.substring(s, speakerMention.end()));
                } else {
                    int wEnd = cueAt - 1;
                    int wStart = wEnd;
                    while (wStart > 0 && Character.isLetter(body.charAt(wStart - 1))) {
                        wStart--;
                    }
                    speaker = new Enrichment.EntityRef(ids.get(speakerKey), speakerName, wStart, wEnd,
                            body.substring(wStart, wEnd));
                }
                Enrichment.EntityRef recipient = null;
                if (!c.get("recipient").isNull()) {
                    String rKey = c.get("recipient").asText().replace("?", "");
                    final int ref = cueAt;
                    M rm = mentions.stream().filter(m -> m.key().equals(rKey) && m.start() <= ref + 200)
                            .min(Comparator.comparingInt(m -> Math.abs(m.start() - ref))).orElse(null);
                    if (rm != null) {
                        recipient = new Enrichment.EntityRef(ids.get(rKey),
                                goldEntities.get(rKey).get("canonical").asText(), rm.start(), rm.end(), rm.text());
                    }
                }
                List<String> about = new ArrayList<>();
                for (M m : mentions) {
                    if (m.start() >= content.start() && m.end() <= content.end() && !m.key().equals(speakerKey)
                            && !about.contains(ids.get(m.key()))) {
                        about.add(ids.get(m.key()));
                    }
                }
                Enrichment.TimeRef time = c.has("time") ? new Enrichment.TimeRef(c.get("time").asText(), null) : null;
                claims.add(new Enrichment.Claim(c.get("id").asText(), speaker, cue, content,
                        Enrichment.Mode.valueOf(mode), Enrichment.Stance.valueOf(c.get("stance").asText()), Enrichment.Kind.STATEMENT, recipient,
                        time, about, 0.7, 0.9));
            }
            return new Enrichment("en", entities, claims);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The gold claim id ("C4") of each claim, in order. */
    public static List<String> goldIds() {
        return enrichment().claims().stream().map(Enrichment.Claim::id).toList();
    }

    private static List<String> titles(JsonNode e) {
        List<String> out = new ArrayList<>();
        if (e.has("titles")) {
            e.get("titles").forEach(t -> out.add(t.asText()));
        }
        return out;
    }

    private static int nearest(String body, String needle, int from, int to, int target) {
        int best = -1;
        int at = body.indexOf(needle, from);
        while (at >= 0 && at < to) {
            if (best < 0 || Math.abs(at - target) < Math.abs(best - target)) {
                best = at;
            }
            at = body.indexOf(needle, at + 1);
        }
        return best;
    }

    private static final Map<String, String> CUE_LEMMA = new HashMap<>(Map.of("said", "say", "told", "tell",
            "noted", "note", "added", "add", "explained", "explain", "stressed", "stress", "denied", "deny",
            "reported", "report", "promised", "promise"));

    private static String lemma(String cue) {
        String[] w = cue.split(" ");
        String last = w[w.length - 1];
        return CUE_LEMMA.getOrDefault(last, Lexicon.lemma(last));
    }
}
