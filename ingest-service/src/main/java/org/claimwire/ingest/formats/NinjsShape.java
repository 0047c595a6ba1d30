package org.claimwire.ingest.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The JSON types IPTC's ninjs schemas (1.x-3.x) give the top-level properties, checked before a document is read
 * (400 naming the property), so a wrongly typed document is refused rather than half read: a title that is a
 * number, dates that are objects, a genre that is a string, an urgency of 9.5. Only what every version agrees on
 * is checked; where versions differ (altids and associations were objects in 1.x and arrays from 2.0, headline
 * and body strings in 1.x and arrays of objects in 2.0 drafts) either form passes. {@code version} may also be a
 * number, as Superdesk writes it. Names are compared case- and underscore-insensitively, as the reader reads them.
 */
final class NinjsShape {
    private enum Kind { STRING, OBJECT, ARRAY, OBJECT_OR_ARRAY, STRING_OR_ARRAY, STRING_OR_NUMBER }

    private static final Map<String, Kind> TOP = Map.ofEntries(
            Map.entry("uri", Kind.STRING), Map.entry("guid", Kind.STRING), Map.entry("type", Kind.STRING),
            Map.entry("profile", Kind.STRING), Map.entry("mimetype", Kind.STRING),
            Map.entry("representationtype", Kind.STRING), Map.entry("language", Kind.STRING),
            Map.entry("pubstatus", Kind.STRING), Map.entry("title", Kind.STRING), Map.entry("slugline", Kind.STRING),
            Map.entry("byline", Kind.STRING), Map.entry("by", Kind.STRING), Map.entry("located", Kind.STRING),
            Map.entry("ednote", Kind.STRING), Map.entry("usageterms", Kind.STRING),
            Map.entry("copyrightholder", Kind.STRING), Map.entry("copyrightnotice", Kind.STRING),
            Map.entry("url", Kind.STRING), Map.entry("bodytext", Kind.STRING), Map.entry("bodyhtml", Kind.STRING),
            Map.entry("bodyxhtml", Kind.STRING),
            Map.entry("versioncreated", Kind.STRING), Map.entry("firstcreated", Kind.STRING),
            Map.entry("contentcreated", Kind.STRING), Map.entry("contentdigitised", Kind.STRING),
            Map.entry("embargoed", Kind.STRING), Map.entry("expires", Kind.STRING),
            Map.entry("version", Kind.STRING_OR_NUMBER),
            Map.entry("headline", Kind.STRING_OR_ARRAY), Map.entry("body", Kind.STRING_OR_ARRAY),
            Map.entry("description", Kind.STRING_OR_ARRAY),
            Map.entry("headlines", Kind.ARRAY), Map.entry("bodies", Kind.ARRAY), Map.entry("descriptions", Kind.ARRAY),
            Map.entry("subject", Kind.ARRAY), Map.entry("subjects", Kind.ARRAY),
            Map.entry("person", Kind.ARRAY), Map.entry("people", Kind.ARRAY),
            Map.entry("organisation", Kind.ARRAY), Map.entry("organisations", Kind.ARRAY),
            Map.entry("place", Kind.ARRAY), Map.entry("places", Kind.ARRAY),
            Map.entry("object", Kind.ARRAY), Map.entry("objects", Kind.ARRAY),
            Map.entry("infosource", Kind.ARRAY), Map.entry("infosources", Kind.ARRAY),
            Map.entry("genre", Kind.ARRAY), Map.entry("genres", Kind.ARRAY),
            Map.entry("trustindicator", Kind.ARRAY), Map.entry("trustindicators", Kind.ARRAY),
            Map.entry("altids", Kind.OBJECT_OR_ARRAY), Map.entry("associations", Kind.OBJECT_OR_ARRAY),
            Map.entry("renditions", Kind.OBJECT_OR_ARRAY),
            Map.entry("rightsinfo", Kind.OBJECT), Map.entry("digitalsourcetype", Kind.OBJECT),
            Map.entry("$standard", Kind.OBJECT), Map.entry("standard", Kind.OBJECT));
    /** Arrays of {name, uri, code, scheme, rel, literal} objects; those members are strings. */
    private static final Set<String> QUALIFIED_LISTS = Set.of("subject", "subjects", "person", "people", "organisation",
            "organisations", "place", "places", "object", "objects", "infosource", "infosources", "genre", "genres");
    private static final Set<String> QUALIFIER_STRINGS = Set.of("name", "uri", "code", "scheme", "rel", "literal");

    private NinjsShape() {
    }

    /** Throws a 400 {@link RejectedInput} naming the first property whose JSON type is wrong. */
    static void check(JsonNode root) {
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = NinjsParser.norm(e.getKey());
            JsonNode v = e.getValue();
            if (v == null || v.isNull()) {
                continue;
            }
            Kind kind = TOP.get(key);
            if (kind != null && !fits(kind, v)) {
                throw RejectedInput.malformed("field '" + e.getKey() + "' must be " + describe(kind) + ", got "
                        + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
            if (key.equals("urgency")) {
                checkUrgency(e.getKey(), v);
            }
            if (QUALIFIED_LISTS.contains(key) && v.isArray()) {
                for (JsonNode item : v) {
                    checkQualifiers(e.getKey(), item);
                }
            }
        }
    }

    private static void checkUrgency(String name, JsonNode v) {
        if (!v.isIntegralNumber() || v.asLong() < 0 || v.asLong() > 9) {
            throw RejectedInput.malformed("field '" + name + "' must be a whole number from 0 to 9, got " + v);
        }
    }

    private static void checkQualifiers(String list, JsonNode item) {
        if (!item.isObject()) {
            return; // a plain string entry (Superdesk writes those) carries a name
        }
        Iterator<Map.Entry<String, JsonNode>> it = item.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (QUALIFIER_STRINGS.contains(NinjsParser.norm(e.getKey())) && v != null && !v.isNull() && !v.isTextual()) {
                throw RejectedInput.malformed("field '" + list + "[]." + e.getKey() + "' must be a string, got "
                        + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    private static boolean fits(Kind kind, JsonNode v) {
        return switch (kind) {
            case STRING -> v.isTextual();
            case OBJECT -> v.isObject();
            case ARRAY -> v.isArray();
            case OBJECT_OR_ARRAY -> v.isObject() || v.isArray();
            case STRING_OR_ARRAY -> v.isTextual() || v.isArray();
            case STRING_OR_NUMBER -> v.isTextual() || v.isNumber();
        };
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case STRING -> "a string";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case OBJECT_OR_ARRAY -> "an object or an array";
            case STRING_OR_ARRAY -> "a string or an array";
            case STRING_OR_NUMBER -> "a string or a number";
        };
    }
}
