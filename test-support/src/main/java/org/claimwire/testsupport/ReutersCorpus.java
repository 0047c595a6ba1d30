package org.claimwire.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads Reuters-21578 ({@code reut2-NNN.xml} or {@code .sgm}) from where the corpus lies; its text is never copied
 * into the repository. Lenient on purpose: one file (reut2-017) is not well-formed XML and holds raw control
 * bytes, so items are cut out by pattern and entities decoded here. Every item is returned, flashes without a
 * body included ({@code body == null}); callers pick what they need.
 */
public final class ReutersCorpus {
    /** Where the shared corpus lies relative to a checkout ({@code REUTERS_DIR} overrides it). */
    public static final String DEFAULT_RELATIVE_TO_REPO = "../shared/corpora/reuters21578";

    private static final Pattern ITEM = Pattern.compile("<REUTERS([^>]*)>(.*?)</REUTERS>", Pattern.DOTALL);
    private static final Pattern NEW_ID = Pattern.compile("NEWID=\"(\\d+)\"");
    private static final Pattern ENTITY = Pattern.compile("&(#\\d+|lt|gt|amp|quot|apos);");

    /** One item; text fields are entity-decoded and trimmed, null when the element is absent. */
    public record Item(String newId, String date, String title, String dateline, String body, List<String> topics,
                       List<String> places) {
        public boolean hasBody() {
            return body != null && !body.isBlank();
        }
    }

    private ReutersCorpus() {
    }

    /** The corpus directory: {@code REUTERS_DIR} if set, else {@link #DEFAULT_RELATIVE_TO_REPO} under the repo root. */
    public static Path defaultDir(Path repoRoot) {
        String env = System.getenv("REUTERS_DIR");
        return env != null && !env.isBlank() ? Path.of(env) : repoRoot.resolve(DEFAULT_RELATIVE_TO_REPO).normalize();
    }

    /** The corpus files in order ({@code reut2-000} first); empty when the directory does not exist. */
    public static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("reut2-\\d+\\.(xml|sgm)")).sorted().toList();
        }
    }

    /** Every item of every file, in corpus order. */
    public static List<Item> read(Path dir) throws IOException {
        List<Item> out = new ArrayList<>();
        for (Path f : files(dir)) {
            out.addAll(parse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)));
        }
        return out;
    }

    /** The items with a body, at most {@code max} (all when {@code max <= 0}). */
    public static List<Item> withBody(Path dir, int max) throws IOException {
        List<Item> out = new ArrayList<>();
        for (Item i : read(dir)) {
            if (i.hasBody()) {
                out.add(i);
                if (max > 0 && out.size() >= max) {
                    break;
                }
            }
        }
        return out;
    }

    /** The items of one file's text. */
    public static List<Item> parse(String text) {
        List<Item> out = new ArrayList<>();
        Matcher m = ITEM.matcher(text);
        while (m.find()) {
            Matcher id = NEW_ID.matcher(m.group(1));
            String doc = m.group(2);
            out.add(new Item(id.find() ? id.group(1) : null, element(doc, "DATE"), element(doc, "TITLE"),
                    element(doc, "DATELINE"), element(doc, "BODY"), codes(doc, "TOPICS"), codes(doc, "PLACES")));
        }
        return out;
    }

    /** Decodes the five XML entities and numeric character references. */
    public static String unescape(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String r = switch (e) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "amp" -> "&";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> String.valueOf((char) Integer.parseInt(e.substring(1)));
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(r));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String element(String doc, String name) {
        Matcher m = Pattern.compile("<" + name + ">(.*?)</" + name + ">", Pattern.DOTALL).matcher(doc);
        return m.find() ? unescape(m.group(1)).trim() : null;
    }

    private static List<String> codes(String doc, String name) {
        String inner = element(doc, name);
        List<String> out = new ArrayList<>();
        if (inner != null) {
            Matcher d = Pattern.compile("<D>(.*?)</D>").matcher(inner);
            while (d.find()) {
                out.add(d.group(1).trim());
            }
        }
        return out;
    }
}
