package org.claimwire.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Short, distinct wire-style stories for the fault tests: each names a person who says something to an
 * outlet, so every one yields entities and a claim. Deterministic for a seed.
 */
final class SyntheticStories {
    private static final String[] FIRST = {"Maria", "Jonas", "Aiko", "Pedro", "Leila", "Tomasz", "Grace", "Omar",
        "Ingrid", "Ravi", "Sofia", "Kwame"};
    private static final String[] LAST = {"Lindqvist", "Okafor", "Tanaka", "Alves", "Haddad", "Nowicki", "Mbeki",
        "Farouk", "Berg", "Sharma", "Russo", "Mensah"};
    private static final String[] ROLE = {"finance minister", "central bank governor", "trade commissioner",
        "health minister", "energy minister"};
    private static final String[] COUNTRY = {"Norway", "Ghana", "Japan", "Brazil", "Lebanon", "Poland", "Kenya",
        "Egypt", "Sweden", "India", "Italy"};
    private static final String[] OUTLET = {"Reuters", "the Associated Press", "Bloomberg", "the BBC"};
    private static final String[] TOPIC = {"inflation would ease by the end of the year",
        "the government would not raise fuel taxes", "talks with creditors had made progress",
        "the new hospital would open in March", "exports had grown for a third month"};

    private SyntheticStories() {
    }

    record Story(String uri, String headline, String body) {
        ObjectNode ninjs(int version) {
            ObjectNode n = Http.JSON.createObjectNode().put("uri", uri).put("headline", headline).put("language", "en")
                    .put("body", version == 1 ? body : body + " The ministry issued a correction on Thursday.");
            n.put("versionCreated", java.time.Instant.now().toString());
            return n;
        }
    }

    static List<Story> generate(String runId, int count) {
        Random random = new Random(runId.hashCode());
        List<Story> stories = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = pick(random, FIRST) + " " + pick(random, LAST);
            String country = pick(random, COUNTRY);
            String role = pick(random, ROLE);
            String body = country + "'s " + role + " " + name + " told " + pick(random, OUTLET) + " on Tuesday that "
                    + pick(random, TOPIC) + ". " + (i + 3) + " officials attended the meeting in the capital, "
                    + "according to a statement (ref " + runId + "-" + i + ").";
            stories.add(new Story("urn:claimwire:fault:" + runId + ":" + i, name + " comments on the economy", body));
        }
        return stories;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
