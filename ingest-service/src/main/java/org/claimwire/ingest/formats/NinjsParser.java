package org.claimwire.ingest.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.claimwire.events.PubStatus;
import org.claimwire.events.Story;
import org.claimwire.ingest.normalise.text.HtmlText;
import org.claimwire.ingest.normalise.text.TextSanitiser;

/**
 * Reads IPTC ninjs of every published version into a {@link StoryDraft}:
 * <ul>
 *   <li>3.x: camelCase, {@code headlines[]} / {@code bodies[]} with {@code role} and {@code contentType}
 *       ({@code text/plain}, {@code text/html}, {@code application/xhtml+xml}), {@code by},
 *       {@code infoSources}, {@code subjects};</li>
 *   <li>1.x / 2.x: lower/snake case, {@code headline}, {@code body_text}, {@code body_html},
 *       {@code body_xhtml}, {@code byline}, {@code subject}, {@code infosource};</li>
 *   <li>the shorthand {@code {"headline": ..., "body": ...}}.</li>
 * </ul>
 * Field names are matched case- and underscore-insensitively so mixed documents work as well.
 * Non-text items ({@code type} picture, video, audio, graphic, ...) are refused as not a story.
 */
public final class NinjsParser {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(4 * 1024 * 1024).maxNumberLength(100).build());
    }
    private static final java.util.regex.Pattern MARKUP =
            java.util.regex.Pattern.compile("</?(p|div|br|span|a|b|i|em|strong|h[1-6]|ul|li|html|body)\\b[^>]*>",
                    java.util.regex.Pattern.CASE_INSENSITIVE);
    private static final Set<String> TEXT_TYPES = Set.of("text", "composite", "story", "article");

    private NinjsParser() {
    }

    /** Parses one ninjs document (already decoded and size-checked). */
    public static StoryDraft parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw RejectedInput.malformed("malformed JSON: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() : ""));
        }
        if (root == null || root.isMissingNode()) {
            throw RejectedInput.malformed("malformed JSON: empty document");
        }
        if (!root.isObject()) {
            throw RejectedInput.malformed("malformed JSON: a ninjs document is a JSON object, got " + root.getNodeType());
        }
        return fromTree(root);
    }

    public static StoryDraft fromTree(JsonNode root) {
        Map<String, JsonNode> f = normalisedFields(root);
        String type = text(f.get("type"));
        if (type != null && !TEXT_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
            throw RejectedInput.notAStory("ninjs item of type '" + type + "' is not a text story");
        }
        String headline = headline(f);
        String body = body(f);
        PubStatus pubStatus = null;
        String ps = text(f.get("pubstatus"));
        if (ps != null) {
            try {
                pubStatus = PubStatus.fromWire(ps);
            } catch (IllegalArgumentException e) {
                throw RejectedInput.malformed(e.getMessage());
            }
        }
        String byline = firstText(f, "by", "byline");
        String located = text(f.get("located"));
        String url = firstText(f, "url", "link", "href");
        return new StoryDraft(
                text(f.get("uri")),
                instant(f, "versioncreated"),
                instant(f, "firstcreated"),
                pubStatus,
                text(f.get("language")),
                headline,
                byline,
                body,
                located,
                subjects(f),
                infoSources(f),
                url);
    }

    private static Map<String, JsonNode> normalisedFields(JsonNode obj) {
        Map<String, JsonNode> m = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            m.putIfAbsent(norm(e.getKey()), e.getValue());
        }
        return m;
    }

    static String norm(String key) {
        return key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }

    private static String headline(Map<String, JsonNode> f) {
        String h = text(f.get("headline"));
        if (h != null) {
            return h;
        }
        JsonNode hs = f.get("headlines");
        if (hs != null && hs.isArray()) {
            String first = null;
            for (JsonNode n : hs) {
                Map<String, JsonNode> hf = n.isObject() ? normalisedFields(n) : Map.of();
                String v = n.isTextual() ? n.asText() : text(hf.get("value"));
                if (v == null) {
                    continue;
                }
                String ct = text(hf.get("contenttype"));
                if (ct != null && ct.contains("html")) {
                    v = HtmlText.toText(v);
                }
                String role = text(hf.get("role"));
                if (role == null || role.equalsIgnoreCase("main")) {
                    return v;
                }
                if (first == null) {
                    first = v;
                }
            }
            return first;
        }
        return firstText(f, "title", "slugline");
    }

    private static String body(Map<String, JsonNode> f) {
        String plain = firstText(f, "bodytext", "body");
        if (plain != null) {
            JsonNode raw = f.containsKey("bodytext") ? f.get("bodytext") : f.get("body");
            if (raw != null && raw.isTextual()) {
                return looksLikeMarkup(plain) ? HtmlText.toText(plain) : plain;
            }
        }
        String html = firstText(f, "bodyhtml", "bodyxhtml");
        if (html != null) {
            return HtmlText.toText(html);
        }
        JsonNode bodies = f.get("bodies");
        if (bodies != null && bodies.isArray()) {
            String bestPlain = null;
            String bestMarkup = null;
            boolean plainMain = false;
            boolean markupMain = false;
            for (JsonNode n : bodies) {
                if (!n.isObject()) {
                    continue;
                }
                Map<String, JsonNode> bf = normalisedFields(n);
                String v = text(bf.get("value"));
                if (v == null) {
                    continue;
                }
                String role = text(bf.get("role"));
                boolean main = role == null || role.equalsIgnoreCase("main") || role.equalsIgnoreCase("body");
                String ct = text(bf.get("contenttype"));
                boolean markup = ct != null && (ct.contains("html") || ct.contains("xml"));
                if (markup) {
                    if (bestMarkup == null || (main && !markupMain)) {
                        bestMarkup = v;
                        markupMain = main;
                    }
                } else if (bestPlain == null || (main && !plainMain)) {
                    bestPlain = v;
                    plainMain = main;
                }
            }
            if (bestPlain != null) {
                return bestPlain;
            }
            if (bestMarkup != null) {
                return HtmlText.toText(bestMarkup);
            }
        }
        return null;
    }

    private static boolean looksLikeMarkup(String s) {
        int lt = s.indexOf('<');
        return lt >= 0 && s.indexOf('>', lt) > lt && MARKUP.matcher(s).find();
    }

    private static List<Story.Subject> subjects(Map<String, JsonNode> f) {
        List<Story.Subject> out = new ArrayList<>();
        for (String key : List.of("subjects", "subject")) {
            JsonNode arr = f.get(key);
            if (arr == null || !arr.isArray()) {
                continue;
            }
            for (JsonNode n : arr) {
                if (n.isTextual()) {
                    out.add(new Story.Subject(TextSanitiser.cleanLine(n.asText()), null, null));
                } else if (n.isObject()) {
                    Map<String, JsonNode> sf = normalisedFields(n);
                    String name = text(sf.get("name"));
                    String uri = text(sf.get("uri"));
                    String code = firstText(sf, "code", "qcode", "literal");
                    if (name != null || uri != null || code != null) {
                        out.add(new Story.Subject(name, uri, code));
                    }
                }
            }
            break;
        }
        return out;
    }

    private static List<Story.InfoSource> infoSources(Map<String, JsonNode> f) {
        List<Story.InfoSource> out = new ArrayList<>();
        for (String key : List.of("infosources", "infosource")) {
            JsonNode arr = f.get(key);
            if (arr == null) {
                continue;
            }
            Iterable<JsonNode> items = arr.isArray() ? arr : List.of(arr);
            for (JsonNode n : items) {
                if (n.isObject()) {
                    Map<String, JsonNode> sf = normalisedFields(n);
                    String name = text(sf.get("name"));
                    String role = text(sf.get("role"));
                    String uri = text(sf.get("uri"));
                    if (name != null || uri != null) {
                        out.add(new Story.InfoSource(name, role, uri));
                    }
                }
            }
            break;
        }
        String provider = text(f.get("provider"));
        if (provider == null && f.get("provider") != null && f.get("provider").isObject()) {
            provider = text(normalisedFields(f.get("provider")).get("name"));
        }
        if (provider != null) {
            out.add(new Story.InfoSource(provider, "provider", null));
        }
        return out;
    }

    private static Instant instant(Map<String, JsonNode> f, String key) {
        String s = text(f.get(key));
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e2) {
                try {
                    return java.time.LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e3) {
                    try {
                        return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
                    } catch (DateTimeParseException e4) {
                        throw RejectedInput.malformed("field '" + key + "' is not an ISO-8601 date-time: '" + s + "'");
                    }
                }
            }
        }
    }

    private static String firstText(Map<String, JsonNode> f, String... keys) {
        for (String k : keys) {
            String v = text(f.get(k));
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode() || n.isContainerNode()) {
            return null;
        }
        String s = n.asText();
        return s == null || s.isBlank() ? null : s;
    }
}
