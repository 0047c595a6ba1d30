package org.claimwire.nlp.claims;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.claimwire.events.Enrichment.Kind;

/**
 * Reporting cues (verb or adjective lemmas) and their behaviour, read from {@code cues.txt}; a user adds
 * or overrides entries with a file in the same format ({@code claimwire.nlp.extra-cues}). Data, not code:
 * see the flags at the top of {@code cues.txt}.
 */
public final class CueLexicon {
    private final Map<String, Set<String>> cues;

    public CueLexicon(Map<String, Set<String>> cues) {
        this.cues = Map.copyOf(cues);
    }

    public static CueLexicon standard() {
        return new CueLexicon(readResource(CueLexicon.class, "cues.txt"));
    }

    /** The standard lexicon plus the entries of {@code extra} (a file in the cues.txt format). */
    public static CueLexicon standardPlus(Path extra) {
        Map<String, Set<String>> m = new HashMap<>(readResource(CueLexicon.class, "cues.txt"));
        try (Reader r = Files.newBufferedReader(extra, StandardCharsets.UTF_8)) {
            merge(m, r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cue lexicon " + extra, e);
        }
        return new CueLexicon(m);
    }

    public static CueLexicon load(Class<?> anchor, String resource) {
        return new CueLexicon(readResource(anchor, resource));
    }

    private static Map<String, Set<String>> readResource(Class<?> anchor, String resource) {
        Map<String, Set<String>> m = new HashMap<>();
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing cue lexicon " + resource);
            }
            merge(m, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    /** One entry per line: a lemma, then flags; a later line for the same lemma replaces its flags. */
    private static void merge(Map<String, Set<String>> m, Reader reader) throws IOException {
        BufferedReader r = new BufferedReader(reader);
        Set<String> seen = new HashSet<>();
        String line;
        while ((line = r.readLine()) != null) {
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            String[] parts = line.trim().toLowerCase(Locale.ROOT).split("\\s+");
            if (parts.length == 0 || parts[0].isEmpty()) {
                continue;
            }
            if (seen.add(parts[0])) {
                m.put(parts[0], new HashSet<>());
            }
            Set<String> flags = m.get(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                flags.add(parts[i]);
            }
        }
    }

    public boolean isCue(String lemma) {
        return cues.containsKey(lemma.toLowerCase(Locale.ROOT));
    }

    public boolean has(String lemma, String flag) {
        Set<String> f = cues.get(lemma.toLowerCase(Locale.ROOT));
        return f != null && f.contains(flag);
    }

    /** Whether a prepositional phrase can be the cue's content: the "obl" flag or an "obl:PREP" flag. */
    public boolean takesPreposition(String lemma) {
        Set<String> f = cues.get(lemma.toLowerCase(Locale.ROOT));
        return f != null && f.stream().anyMatch(x -> x.equals("obl") || x.startsWith("obl:"));
    }

    /** The kind of attribution a cue makes: its kind flag, else STATEMENT. */
    public Kind kind(String lemma) {
        if (has(lemma, "question")) {
            return Kind.QUESTION;
        }
        if (has(lemma, "belief")) {
            return Kind.BELIEF;
        }
        if (has(lemma, "intention")) {
            return Kind.INTENTION;
        }
        if (has(lemma, "evidence")) {
            return Kind.EVIDENCE;
        }
        return Kind.STATEMENT;
    }
}
