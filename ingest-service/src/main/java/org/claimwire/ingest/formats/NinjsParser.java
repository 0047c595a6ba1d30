package org.claimwire.ingest.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 *   <li>2.x: lower case, {@code headlines[]} / {@code bodies[]} as in 3.x;</li>
 *   <li>1.x: {@code headline}, {@code body_text}, {@code body_html}, {@code body_xhtml} and the pattern
 *       properties {@code headline_*} / {@code body_*} (e.g. {@code headline_main}, {@code body_main}),
 *       {@code byline}, {@code subject}, {@code infosource};</li>
 *   <li>Superdesk's dialect: {@code guid} as the identifier when there is no {@code uri}, {@code version} as a
 *       string or a number, date-times with a basic offset ({@code +0000}), {@code signal} entries;</li>
 *   <li>the shorthand {@code {"headline": ..., "body": ...}}.</li>
 * </ul>
 * Field names are matched case- and underscore-insensitively so mixed documents work as well. A kill is
 * {@code pubstatus: canceled} or a kill signal. An item with a headline and no body is a flash. Non-text items
 * ({@code type} picture, video, audio, graphic, event, ...) are refused as not a story (422).
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
    /** Item types that may carry story text; a composite or component without any is refused later (422). */
    private static final Set<String> TEXT_TYPES = Set.of("text", "composite", "component", "story", "article",
            "preformatted");
    /** ninjs item types that are valid but carry no story text: 422, not 400. */
    private static final Set<String> NON_TEXT_TYPES = Set.of("picture", "video", "audio", "graphic", "event",
            "planning", "concept");
    /**
     * The 1.x pattern properties as IPTC's schemas define them: {@code headline_}, {@code body_} or
     * {@code description_} and at least one {@code [a-zA-Z0-9_]} (the schemas' regex is anchored only at the start,
     * so anything may follow: IPTC's own test {@code 008_regex_bug} relies on that).
     */
    private static final java.util.regex.Pattern PATTERN_PROPERTY =
            java.util.regex.Pattern.compile("^(headline|body|description)_[a-zA-Z0-9_].*", java.util.regex.Pattern.DOTALL);


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
        NinjsShape.check(root);
        Map<String, JsonNode> f = normalisedFields(root);
        String type = text(f.get("type"));
        if (type != null && !TEXT_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
            if (!NON_TEXT_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
                throw RejectedInput.malformed("field 'type' is '" + type + "', not a ninjs item type (text, composite, "
                        + "component, picture, video, audio, graphic, event, planning)");
            }
            throw RejectedInput.notAStory("ninjs item of type '" + type + "' is not a text story");
        }
        String headline = headline(root, f);
        String body = body(root, f);
        PubStatus pubStatus = pubStatus(text(f.get("pubstatus")));
        if (hasKillSignal(f)) {
            pubStatus = PubStatus.CANCELED;
        }
        JsonNode version = f.get("version");
        if (version != null && version.isContainerNode()) {
            throw RejectedInput.malformed("field 'version' must be a string or a number");
        }
        String byline = firstText(f, "by", "byline");
        String located = text(f.get("located"));
        String url = firstText(f, "url", "link", "href");
        String uri = text(f.get("uri"));
        return new StoryDraft(
                uri != null ? uri : text(f.get("guid")),
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
                url,
                true);
    }

    /** A {@code signal}/{@code signals} entry (a code, or an object with code/qcode/name/value) that kills. */
    private static boolean hasKillSignal(Map<String, JsonNode> f) {
        for (String key : List.of("signal", "signals")) {
            JsonNode n = f.get(key);
            if (n == null) {
                continue;
            }
            for (JsonNode s : n.isArray() ? n : List.of(n)) {
                List<String> codes = new ArrayList<>();
                if (s.isTextual()) {
                    codes.add(s.asText());
                } else if (s.isObject()) {
                    Map<String, JsonNode> sf = normalisedFields(s);
                    for (String k : List.of("code", "qcode", "name", "value")) {
                        String v = text(sf.get(k));
                        if (v != null) {
                            codes.add(v);
                        }
                    }
                }
                for (String c : codes) {
                    if (Signals.kills(c)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Map<String, JsonNode> normalisedFields(JsonNode obj) {
        Map<String, JsonNode> m = new LinkedHashMap<>(); // document order, for the pattern properties
        Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().endsWith("_")) { // "headline_" is an empty pattern-property name, not "headline"
                m.putIfAbsent(norm(e.getKey()), e.getValue());
            }
        }
        return m;
    }

    static String norm(String key) {
        return key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }

    /**
     * {@code pubstatus}: usable, withheld, canceled; the later ninjs values map onto those: {@code replaced} (a
     * newer item replaces this one; it stays readable) is usable, {@code commissioned} (ordered, not yet
     * delivered) is withheld.
     */
    private static PubStatus pubStatus(String ps) {
        if (ps == null) {
            return null;
        }
        switch (ps.trim().toLowerCase(Locale.ROOT)) {
            case "replaced":
                return PubStatus.USABLE;
            case "commissioned":
                return PubStatus.WITHHELD;
            default:
                try {
                    return PubStatus.fromWire(ps);
                } catch (IllegalArgumentException e) {
                    throw RejectedInput.malformed(e.getMessage());
                }
        }
    }

    /** {@code headline} (a string, or a 2.0-draft array), {@code headlines[]}, the pattern properties, title, slugline. */
    private static String headline(JsonNode root, Map<String, JsonNode> f) {
        String h = text(f.get("headline"));
        if (h == null) {
            h = entry(f.get("headline"));
        }
        if (h == null) {
            h = entry(f.get("headlines"));
        }
        if (h == null) {
            h = patternProperty(root, "headline");
        }
        return h != null ? h : firstText(f, "title", "slugline");
    }

    /**
     * The text of an array of {@code {role|name, value|text|content, contenttype}} entries: the one whose role is
     * {@code main} (or that has no role), else the first; markup is reduced to text when the content type says so.
     */
    private static String entry(JsonNode arr) {
        if (arr == null || !arr.isArray()) {
            return null;
        }
        String first = null;
        for (JsonNode n : arr) {
            Map<String, JsonNode> hf = n.isObject() ? normalisedFields(n) : Map.of();
            String v = n.isTextual() ? n.asText() : firstText(hf, "value", "text", "content");
            if (v == null) {
                continue;
            }
            String ct = text(hf.get("contenttype"));
            if (ct != null && (ct.contains("html") || ct.contains("xml"))) {
                v = HtmlText.toText(v);
            }
            String role = firstText(hf, "role", "name");
            if (role == null || role.equalsIgnoreCase("main")) {
                return v;
            }
            if (first == null) {
                first = v;
            }
        }
        return first;
    }

    /**
     * The value of a ninjs 1.x pattern property ({@code headline_main}, {@code body_text2}, ...; see
     * {@link #PATTERN_PROPERTY}): {@code prefix_main} first, else the first such string property in document order;
     * markup is reduced to text when the name or the value says it is HTML/XHTML.
     */
    private static String patternProperty(JsonNode root, String prefix) {
        String chosen = null;
        String chosenKey = null;
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if (!k.startsWith(prefix + "_") || !PATTERN_PROPERTY.matcher(k).matches()) {
                continue;
            }
            String v = text(e.getValue());
            if (v == null) {
                continue;
            }
            if (k.equals(prefix + "_main")) {
                chosen = v;
                chosenKey = k;
                break;
            }
            if (chosen == null) {
                chosen = v;
                chosenKey = k;
            }
        }
        if (chosen == null) {
            return null;
        }
        boolean markup = chosenKey.contains("html") || chosenKey.contains("xml") || looksLikeMarkup(chosen);
        return markup ? HtmlText.toText(chosen) : chosen;
    }

    /**
     * The body: {@code body_text}/{@code body}, {@code body_html}/{@code body_xhtml}, {@code bodies[]} (or a
     * 2.0-draft {@code body[]}) by role and content type, the 1.x pattern properties; when there is none, the
     * item's description (its summary: {@code descriptions[]}, {@code description}, {@code description_*}).
     */
    private static String body(JsonNode root, Map<String, JsonNode> f) {
        String plain = firstText(f, "bodytext", "body");
        if (plain != null) {
            return looksLikeMarkup(plain) ? HtmlText.toText(plain) : plain;
        }
        String html = firstText(f, "bodyhtml", "bodyxhtml");
        if (html != null) {
            return HtmlText.toText(html);
        }
        for (String key : List.of("bodies", "body")) {
            String b = bodies(f.get(key));
            if (b != null) {
                return b;
            }
        }
        String pattern = patternProperty(root, "body");
        if (pattern != null) {
            return pattern;
        }
        String d = text(f.get("description"));
        if (d == null) {
            d = entry(f.get("description"));
        }
        if (d == null) {
            d = bodies(f.get("descriptions"));
        }
        if (d == null) {
            d = patternProperty(root, "description");
        }
        return d == null ? null : looksLikeMarkup(d) ? HtmlText.toText(d) : d;
    }

    /** Of an array of body entries: the main plain-text one, else the main markup one reduced to text. */
    private static String bodies(JsonNode bodies) {
        if (bodies == null || !bodies.isArray()) {
            return null;
        }
        String bestPlain = null;
        String bestMarkup = null;
        boolean plainMain = false;
        boolean markupMain = false;
        for (JsonNode n : bodies) {
            if (!n.isObject()) {
                continue;
            }
            Map<String, JsonNode> bf = normalisedFields(n);
            String v = firstText(bf, "value", "text", "content");
            if (v == null) {
                continue;
            }
            String role = firstText(bf, "role", "name");
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
        return bestMarkup != null ? HtmlText.toText(bestMarkup) : null;
    }

    private static boolean looksLikeMarkup(String s) {
        int lt = s.indexOf('<');
        return lt >= 0 && s.indexOf('>', lt) > lt && MARKUP.matcher(s).find();
    }

    /**
     * {@code subjects}/{@code subject}, then the people, organisations and places the item names (ninjs 1.x
     * {@code person}, {@code organisation}, {@code place}; 2.x/3.x plural), which NewsML-G2 also files as subjects.
     */
    private static List<Story.Subject> subjects(Map<String, JsonNode> f) {
        List<Story.Subject> out = new ArrayList<>();
        subjects(f, List.of("subjects", "subject"), out);
        subjects(f, List.of("people", "person"), out);
        subjects(f, List.of("organisations", "organisation", "organizations", "organization"), out);
        subjects(f, List.of("places", "place"), out);
        return out;
    }

    private static void subjects(Map<String, JsonNode> f, List<String> keys, List<Story.Subject> out) {
        for (String key : keys) {
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
        return Dates.parse(text(f.get(key)), key);
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
