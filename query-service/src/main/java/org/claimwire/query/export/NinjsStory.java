package org.claimwire.query.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.claimwire.query.persistence.Views;

/**
 * A stored story version as IPTC ninjs 3.1 ({@code GET /api/v1/stories/{id}?format=ninjs}). Entities go where the
 * schema puts them: persons in {@code people}, organizations in {@code organisations}, locations in {@code places},
 * other named things in {@code subjects} (next to the story's own subjects), each with {@code rel: "mentioned"}
 * and {@code uri: urn:claimwire:entity:<id>}. ninjs 3.1 allows no properties of its own at the top level
 * ({@code unevaluatedProperties: false}), so the claims travel in {@code descriptions} as the extension
 * {@value #CLAIMS_ROLE}: one description whose {@code contentType} is {@value #CLAIMS_CONTENT_TYPE} and whose
 * {@code value} is the JSON array of the story's claims, each as on {@code GET /api/v1/claims}.
 */
public final class NinjsStory {
    public static final String STANDARD_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#";
    public static final String CLAIMS_ROLE = "claimwire:claims";
    public static final String CLAIMS_CONTENT_TYPE = "application/vnd.claimwire.claims+json";
    public static final String ENTITY_URI_PREFIX = "urn:claimwire:entity:";
    private static final Set<String> SOURCE_FIELDS = Set.of("name", "role", "uri", "literal");

    private NinjsStory() {
    }

    public static ObjectNode of(Views.StoryDetail s, ObjectMapper json) {
        ObjectNode n = json.createObjectNode();
        n.put("uri", s.uri());
        n.put("type", "text");
        n.put("version", Integer.toString(s.version()));
        putIfPresent(n, "firstCreated", s.firstCreated() == null ? null : s.firstCreated().toString());
        putIfPresent(n, "versionCreated", s.versionCreated() == null ? null : s.versionCreated().toString());
        putIfPresent(n, "pubStatus", s.pubStatus());
        putIfPresent(n, "language", s.language());
        if (present(s.headline())) {
            n.putArray("headlines").addObject().put("value", s.headline());
        }
        if (present(s.body())) { // a flash has none
            n.putArray("bodies").addObject().put("contentType", "text/plain").put("value", s.body());
        }
        putIfPresent(n, "by", s.byline());
        putIfPresent(n, "located", s.located());
        ArrayNode subjects = json.createArrayNode();
        copySubjects(s.subjects(), subjects);
        ArrayNode people = json.createArrayNode();
        ArrayNode organisations = json.createArrayNode();
        ArrayNode places = json.createArrayNode();
        for (Views.StoryEntity e : s.entities() == null ? List.<Views.StoryEntity>of() : s.entities()) {
            ArrayNode target = switch (e.type()) {
                case "PERSON" -> people;
                case "ORGANIZATION" -> organisations;
                case "LOCATION" -> places;
                default -> subjects;
            };
            target.addObject().put("name", e.name()).put("rel", "mentioned").put("uri", ENTITY_URI_PREFIX + e.id());
        }
        putIfNotEmpty(n, "subjects", subjects);
        putIfNotEmpty(n, "people", people);
        putIfNotEmpty(n, "organisations", organisations);
        putIfNotEmpty(n, "places", places);
        ArrayNode sources = json.createArrayNode();
        if (s.infoSources() != null) {
            for (JsonNode src : s.infoSources()) {
                ObjectNode o = sources.addObject();
                src.fields().forEachRemaining(f -> {
                    if (SOURCE_FIELDS.contains(f.getKey()) && f.getValue().isTextual()) {
                        o.set(f.getKey(), f.getValue());
                    }
                });
            }
        }
        putIfNotEmpty(n, "infoSources", sources);
        if (s.claims() != null && !s.claims().isEmpty()) {
            n.putArray("descriptions").addObject().put("role", CLAIMS_ROLE).put("contentType", CLAIMS_CONTENT_TYPE)
                    .put("value", json.valueToTree(s.claims()).toString());
        }
        ObjectNode standard = n.putObject("standard");
        standard.put("name", "ninjs").put("version", "3.1").put("schema", STANDARD_SCHEMA);
        return n;
    }

    /** The story's own subjects: name, uri, and its code as the literal. */
    private static void copySubjects(JsonNode stored, ArrayNode out) {
        if (stored == null) {
            return;
        }
        for (JsonNode sub : stored) {
            ObjectNode o = out.addObject();
            if (sub.hasNonNull("name")) {
                o.put("name", sub.get("name").asText());
            }
            if (sub.hasNonNull("uri")) {
                o.put("uri", sub.get("uri").asText());
            }
            if (sub.hasNonNull("code")) {
                o.put("literal", sub.get("code").asText());
            }
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static void putIfPresent(ObjectNode n, String field, String value) {
        if (present(value)) {
            n.put(field, value);
        }
    }

    private static void putIfNotEmpty(ObjectNode n, String field, ArrayNode values) {
        if (!values.isEmpty()) {
            n.set(field, values);
        }
    }
}
