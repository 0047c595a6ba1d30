package org.claimwire.nlp.claims;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reporting-cue verbs and their behaviour, read from {@code cues.txt} (or any resource in that format). */
public final class CueLexicon {
    private final Map<String, Set<String>> cues;

    public CueLexicon(Map<String, Set<String>> cues) {
        this.cues = Map.copyOf(cues);
    }

    public static CueLexicon standard() {
        return load(CueLexicon.class, "cues.txt");
    }

    public static CueLexicon load(Class<?> anchor, String resource) {
        Map<String, Set<String>> m = new HashMap<>();
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing cue lexicon " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
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
                Set<String> flags = m.computeIfAbsent(parts[0], k -> new HashSet<>());
                for (int i = 1; i < parts.length; i++) {
                    flags.add(parts[i]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CueLexicon(m);
    }

    public boolean isCue(String lemma) {
        return cues.containsKey(lemma.toLowerCase(Locale.ROOT));
    }

    public boolean has(String lemma, String flag) {
        Set<String> f = cues.get(lemma.toLowerCase(Locale.ROOT));
        return f != null && f.contains(flag);
    }
}
