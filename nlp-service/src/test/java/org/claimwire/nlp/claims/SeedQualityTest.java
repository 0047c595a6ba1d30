package org.claimwire.nlp.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.claimwire.events.Enrichment;
import org.claimwire.events.EventJson;
import org.claimwire.nlp.TestEnricher;
import org.claimwire.testsupport.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Quality bars on the seed story against its gold annotations (issue 3). A claim matches a gold claim
 * when its content overlaps the gold content anchor and its speaker is the gold speaker's entity.
 */
class SeedQualityTest {
    static String text;
    static JsonNode gold;
    static Enrichment result;
    /** gold entity key -> system entity id */
    static final Map<String, String> ids = new HashMap<>();

    @BeforeAll
    static void run() throws Exception {
        text = Fixtures.seedStory();
        gold = EventJson.mapper().readTree(Fixtures.seedGold());
        result = TestEnricher.enrich(text);
        System.out.println(TestEnricher.describe(result));
        for (JsonNode g : gold.get("entities")) {
            String canonical = g.get("canonical").asText();
            for (Enrichment.Entity e : result.entities()) {
                if (e.name().equals(canonical) || e.name().equals("The " + canonical)) {
                    ids.put(g.get("key").asText(), e.id());
                }
            }
        }
    }

    private static Enrichment.Entity entity(String key) {
        String id = ids.get(key);
        return result.entities().stream().filter(e -> e.id().equals(id)).findFirst().orElse(null);
    }

    @Test
    void findsAllPersonsAndOrganizations() {
        for (JsonNode g : gold.get("entities")) {
            String type = g.get("type").asText();
            if (!type.equals("PERSON") && !type.equals("ORGANIZATION")) {
                continue;
            }
            if (g.get("key").asText().equals("airforceone")) {
                continue;
            }
            Enrichment.Entity e = entity(g.get("key").asText());
            assertThat(e).as("entity %s", g.get("canonical").asText()).isNotNull();
            assertThat(e.type().name()).as("type of %s", e.name()).isEqualTo(type);
        }
    }

    @Test
    void resolvesNamesTitlesOfPersons() {
        for (String key : List.of("peskov", "trump", "putin", "zelensky")) {
            JsonNode g = goldEntity(key);
            Enrichment.Entity e = entity(key);
            assertThat(e).as(key).isNotNull();
            for (JsonNode mr : g.get("must_resolve")) {
                String s = mr.asText();
                int from = 0;
                int found = 0;
                while ((from = text.indexOf(s, from)) >= 0) {
                    int b = from;
                    int end = from + s.length();
                    boolean ok = e.mentions().stream().anyMatch(m -> m.start() < end && b < m.end());
                    assertThat(ok).as("'%s' at %d resolves to %s", s, b, e.name()).isTrue();
                    boolean other = result.entities().stream().filter(x -> x != e && x.type() == Enrichment.EntityType.PERSON)
                            .anyMatch(x -> x.mentions().stream().anyMatch(m -> m.start() < end && b < m.end()));
                    assertThat(other).as("'%s' at %d on another person", s, b).isFalse();
                    found++;
                    from = end;
                }
                assertThat(found).as("'%s' occurs in the seed", s).isPositive();
            }
        }
        assertThat(entity("peskov").titles()).contains("Kremlin spokesman");
        assertThat(entity("trump").titles()).anyMatch(t -> t.replace(".", "").equalsIgnoreCase("US president"));
    }

    private static JsonNode goldEntity(String key) {
        for (JsonNode g : gold.get("entities")) {
            if (g.get("key").asText().equals(key)) {
                return g;
            }
        }
        throw new IllegalArgumentException(key);
    }

    private static boolean overlaps(Enrichment.Claim c, JsonNode anchor) {
        int b = anchor.get("start").asInt();
        int e = anchor.get("end").asInt();
        return c.content().start() < e && b < c.content().end();
    }

    private static Enrichment.Claim match(JsonNode g) {
        String speakerId = ids.get(g.get("speaker").asText());
        for (Enrichment.Claim c : result.claims()) {
            if (c.speaker() != null && speakerId != null && speakerId.equals(c.speaker().entityId())
                    && overlaps(c, g.get("content_anchor"))) {
                return c;
            }
        }
        return null;
    }

    @Test
    void anchorsMatchTheFixture() {
        for (JsonNode g : gold.get("claims")) {
            JsonNode a = g.get("content_anchor");
            assertThat(text.substring(a.get("start").asInt(), a.get("end").asInt())).isEqualTo(a.get("text").asText());
        }
    }

    @Test
    void findsAtLeast17Of19ClaimsWithTheRightSpeaker() {
        List<String> missed = new ArrayList<>();
        for (JsonNode g : gold.get("claims")) {
            if (match(g) == null) {
                missed.add(g.get("id").asText());
            }
        }
        System.out.println("matched " + (19 - missed.size()) + "/19, missed " + missed);
        assertThat(gold.get("claims").size() - missed.size()).as("matched gold claims (missed %s)", missed)
                .isGreaterThanOrEqualTo(17);
    }

    @Test
    void stanceIsRightOnTheKeyClaims() {
        for (JsonNode g : gold.get("claims")) {
            String id = g.get("id").asText();
            if (!List.of("C1", "C5", "C7", "C8", "C10", "C11", "C17").contains(id)) {
                continue;
            }
            Enrichment.Claim c = match(g);
            assertThat(c).as("claim %s", id).isNotNull();
            assertThat(c.stance().name()).as("stance of %s", id).isEqualTo(g.get("stance").asText());
        }
    }

    @Test
    void atMostThreeClaimsMatchNothing() {
        List<String> unmatched = new ArrayList<>();
        for (Enrichment.Claim c : result.claims()) {
            boolean any = false;
            for (JsonNode g : gold.get("claims")) {
                any |= overlaps(c, g.get("content_anchor"));
            }
            for (JsonNode f : gold.get("unattributed_checkworthy")) {
                any |= overlaps(c, f.get("anchor"));
            }
            if (!any) {
                unmatched.add(c.id() + ":" + c.content().text());
            }
        }
        System.out.println("unmatched " + unmatched);
        assertThat(unmatched).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void flagsCheckWorthyStatements() {
        for (JsonNode f : gold.get("unattributed_checkworthy")) {
            String id = f.get("id").asText();
            if (id.equals("F2")) {
                continue;
            }
            boolean flagged = result.claims().stream().anyMatch(c -> overlaps(c, f.get("anchor")) && c.checkWorthiness() >= 0.5);
            assertThat(flagged).as("%s flagged check-worthy", id).isTrue();
        }
    }

    @Test
    void recipientsResolveToTheOutlet() {
        int explicit = 0;
        int implicit = 0;
        for (JsonNode g : gold.get("claims")) {
            JsonNode r = g.get("recipient");
            if (r == null || r.isNull()) {
                continue;
            }
            String key = r.asText();
            boolean carried = key.endsWith("?");
            Enrichment.Claim c = match(g);
            String want = ids.get(carried ? key.substring(0, key.length() - 1) : key);
            boolean ok = c != null && c.recipient() != null && want != null && want.equals(c.recipient().entityId());
            if (carried) {
                implicit += ok ? 1 : 0;
            } else {
                assertThat(ok).as("recipient of %s", g.get("id").asText()).isTrue();
                explicit++;
            }
        }
        System.out.println("explicit recipients right: " + explicit + ", implicit (carried over) right: " + implicit);
        assertThat(implicit).as("carried-over recipients (nice to have)").isGreaterThanOrEqualTo(3);
    }

    @Test
    void normalisesTimesRelativeToTheStoryDate() {
        Enrichment.Claim c1 = match(gold.get("claims").get(0));
        assertThat(c1.time()).isNotNull();
        assertThat(c1.time().normalized()).isEqualTo("2025-02-10");
    }
}
