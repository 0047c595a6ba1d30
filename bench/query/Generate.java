import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.claimwire.testsupport.ReutersCorpus;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Synthesises N stories' worth of query-service rows with the real shape (stories, versions, global entities
 * with aliases and titles, per-story entities, mentions, claims with speaker/recipient/about, co-mentions,
 * counters) and bulk-loads them with COPY into a database whose "query" schema the service's Flyway created.
 * Story sentences come from the Reuters-21578 corpus when its folder is given (read in place, never copied),
 * else from a synthetic vocabulary.
 *
 * java -cp postgresql.jar:test-support/target/classes Generate.java JDBC_URL USER PASSWORD N [REUTERS_DIR]
 * (test-support's ReutersCorpus reads the corpus: the project's one Reuters reader)
 */
public class Generate {
    static final Random R = new Random(42);
    static final String[] STANCES = {"ASSERTS", "ASSERTS", "ASSERTS", "ASSERTS", "DENIES", "NEITHER_CONFIRMS_NOR_DENIES",
            "DECLINES_TO_COMMENT", "NO_RESPONSE"};
    static final String[] MODES = {"INDIRECT", "INDIRECT", "DIRECT", "MIXED"};
    static final String[] SOURCES = {"Reuters", "AP", "AFP", "TASS", "dpa", "ANSA", "EFE", "Kyodo"};
    static final String[] LANGS = {"en", "en", "en", "en", "en", "en", "en", "en", "de", "fr"};
    static final String[] TITLES = {"spokesman", "president", "minister", "chief executive", "chairman", "governor",
            "senator", "ambassador", "analyst", "general"};

    record Ent(long id, String name, String type, String surname, String title) {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0], user = args[1], pass = args[2];
        int n = Integer.parseInt(args[3]);
        List<String> sentences = sentences(args.length > 4 ? Path.of(args[4]) : null);
        System.out.printf("sentences available: %d%n", sentences.size());

        // ---- global entities
        List<Ent> persons = new ArrayList<>(), orgs = new ArrayList<>(), locs = new ArrayList<>();
        long eid = 1;
        Set<String> seen = new LinkedHashSet<>();
        String[] syl = {"ka", "ro", "mi", "ste", "van", "dor", "lin", "ber", "sha", "to", "ne", "vic", "al", "mar",
                "pe", "sko", "ov", "ren", "ga", "li", "tu", "bra", "hen", "son", "qui", "za", "del", "fen", "ho", "ra"};
        while (persons.size() < 20_000) {
            String first = cap(syl[R.nextInt(syl.length)] + syl[R.nextInt(syl.length)]);
            String last = cap(syl[R.nextInt(syl.length)] + syl[R.nextInt(syl.length)] + syl[R.nextInt(syl.length)]);
            String name = first + " " + last;
            if (seen.add(name)) {
                persons.add(new Ent(eid++, name, "PERSON", last.toLowerCase(Locale.ROOT), TITLES[R.nextInt(TITLES.length)]));
            }
        }
        String[] orgSuffix = {"Holdings", "Group", "Ministry", "Bank", "Party", "Agency", "Council", "Institute", "Post", "Times"};
        while (orgs.size() < 5_000) {
            String name = cap(syl[R.nextInt(syl.length)] + syl[R.nextInt(syl.length)] + syl[R.nextInt(syl.length)]) + " "
                    + orgSuffix[R.nextInt(orgSuffix.length)];
            if (seen.add(name)) {
                orgs.add(new Ent(eid++, name, "ORGANIZATION", null, null));
            }
        }
        while (locs.size() < 3_000) {
            String name = cap(syl[R.nextInt(syl.length)] + syl[R.nextInt(syl.length)] + syl[R.nextInt(syl.length)]);
            if (seen.add(name)) {
                locs.add(new Ent(eid++, name, "LOCATION", null, null));
            }
        }

        try (Connection c = DriverManager.getConnection(url, user, pass)) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                // every table of the schema at once (Flyway's history aside): a table a later migration adds, such
                // as the search tables V6/V7 whose foreign keys would block a partial TRUNCATE, is emptied too
                String tables;
                try (ResultSet rs = s.executeQuery("SELECT string_agg(format('%I.%I', schemaname, tablename), ', ') "
                        + "FROM pg_tables WHERE schemaname = 'query' AND tablename <> 'flyway_schema_history'")) {
                    rs.next();
                    tables = rs.getString(1);
                }
                s.execute("TRUNCATE " + tables + " RESTART IDENTITY");
            }
            CopyManager copy = ((PGConnection) c.unwrap(PGConnection.class)).getCopyAPI();
            long t0 = System.nanoTime();

            StringBuilder ents = new StringBuilder(), aliases = new StringBuilder();
            long aliasId = 1;
            Map<Long, long[]> aliasOf = new HashMap<>(); // entity -> {name alias id, title alias id, surname alias id}
            for (List<Ent> l : List.of(persons, orgs, locs)) {
                for (Ent e : l) {
                    row(ents, e.id(), e.name(), norm(e.name()), e.type(), e.surname(), false);
                    long[] a = new long[3];
                    a[0] = aliasId;
                    row(aliases, aliasId++, e.id(), "NAME", e.name(), norm(e.name()), "new");
                    if (e.title() != null) {
                        a[1] = aliasId;
                        row(aliases, aliasId++, e.id(), "TITLE", e.title(), norm(e.title()), "new");
                        a[2] = aliasId;
                        String bare = cap(e.surname());
                        row(aliases, aliasId++, e.id(), "NAME", bare, e.surname(), "surname unique among known persons");
                    }
                    aliasOf.put(e.id(), a);
                }
            }
            copy.copyIn("COPY query.entities (id, canonical_name, name_norm, type, surname, surname_only) FROM STDIN", reader(ents));
            copy.copyIn("COPY query.entity_aliases (id, entity_id, kind, name, name_norm, reason) FROM STDIN", reader(aliases));
            System.out.printf("entities: %d, aliases: %d%n", eid - 1, aliasId - 1);

            Instant start = Instant.parse("2023-01-01T00:00:00Z");
            long span = 2L * 365 * 24 * 3600;
            long versionId = 1, claimId = 1, mentionId = 1;
            long nStories = 0, nVersions = 0, nSe = 0, nMentions = 0, nClaims = 0, nAbout = 0, nAliasStories = 0;
            int batch = 5_000;
            StringBuilder st = new StringBuilder(), sv = new StringBuilder(), se = new StringBuilder(), me = new StringBuilder(),
                    cl = new StringBuilder(), ab = new StringBuilder(), as = new StringBuilder();
            for (long sid = 1; sid <= n; sid++) {
                Instant t = start.plusSeconds(span * sid / n + R.nextInt(600));
                String lang = LANGS[R.nextInt(LANGS.length)];
                String source = SOURCES[zipf(SOURCES.length)];
                int versions = R.nextInt(20) == 0 ? 2 : 1;
                // pick entities
                List<Ent> ps = pick(persons, 2 + R.nextInt(3));
                List<Ent> os = pick(orgs, 1 + R.nextInt(3));
                List<Ent> ls = pick(locs, 1 + R.nextInt(2));
                List<Ent> all = new ArrayList<>();
                all.addAll(ps);
                all.addAll(os);
                all.addAll(ls);
                // body
                StringBuilder body = new StringBuilder();
                Map<Long, List<int[]>> mentions = new HashMap<>();
                List<Object[]> claims = new ArrayList<>();
                int k = 8 + R.nextInt(7);
                for (int i = 0; i < k; i++) {
                    String sent = sentences.get(R.nextInt(sentences.size()));
                    if (body.length() > 0) {
                        body.append(' ');
                    }
                    if (i < 5 && R.nextInt(3) > 0) { // an attributed statement
                        Ent sp = i < ps.size() ? ps.get(i) : all.get(R.nextInt(all.size()));
                        Ent rec = R.nextInt(3) == 0 ? os.get(R.nextInt(os.size())) : null;
                        mention(mentions, sp.id(), body, sp.name());
                        if (rec != null) {
                            body.append(" told ");
                            mention(mentions, rec.id(), body, rec.name());
                            body.append(" that ");
                        } else {
                            body.append(" said that ");
                        }
                        int cs = body.length();
                        Ent about = all.get(R.nextInt(all.size()));
                        String content = lower(sent);
                        if (about != sp) {
                            content = content.replaceAll("[.]$", "") + ", according to ";
                            body.append(content);
                            mention(mentions, about.id(), body, about.name());
                            body.append('.');
                        } else {
                            body.append(content);
                        }
                        claims.add(new Object[] {sp, rec, about == sp ? null : about, cs, body.length(), body.substring(cs)});
                    } else {
                        body.append(sent);
                        if (R.nextInt(3) == 0) {
                            body.append(" In ");
                            Ent l = ls.get(R.nextInt(ls.size()));
                            mention(mentions, l.id(), body, l.name());
                            body.append(" officials were not available.");
                        }
                    }
                }
                String text = body.toString();
                String headline = headline(sentences.get(R.nextInt(sentences.size())), ps.get(0).name());
                String uri = "urn:bench:story:" + sid;
                row(st, sid, uri, versions, true, t, t);
                for (int v = 1; v <= versions; v++) {
                    boolean current = v == versions;
                    Instant vt = t.plusSeconds((v - 1) * 1800L);
                    long vid = versionId++;
                    nVersions++;
                    row(sv, vid, sid, v, "bench-" + sid + "-" + v, "usable", current, current, lang,
                            current ? headline : headline + " (first version)", "Bench Desk", text, "Somewhere",
                            "https://example.org/" + sid, source, "bench-feed", null, null, "[]",
                            "[{\"name\":\"" + source + "\",\"role\":\"provider\"}]", "{\"engine\":\"bench\"}", vt, t, vt, vt,
                            lemmas(text + " " + headline));
                    if (!current) {
                        continue;
                    }
                    int local = 1;
                    for (Ent e : all) {
                        List<int[]> ms = mentions.getOrDefault(e.id(), List.of());
                        String[] titles = e.title() == null ? new String[0] : new String[] {e.title()};
                        row(se, vid, "e" + local++, e.id(), e.name(), e.type(), pgArray(titles), Math.max(1, ms.size()),
                                "same full name", true);
                        nSe++;
                        for (int[] m : ms) {
                            row(me, mentionId++, vid, e.id(), m[0], m[1], text.substring(m[0], m[1]));
                            nMentions++;
                        }
                        long[] a = aliasOf.get(e.id());
                        row(as, a[0], sid);
                        nAliasStories++;
                    }
                    int cn = 1;
                    for (Object[] cc : claims) {
                        Ent sp = (Ent) cc[0];
                        Ent rec = (Ent) cc[1];
                        Ent about = (Ent) cc[2];
                        String content = (String) cc[5];
                        long cid = claimId++;
                        row(cl, cid, vid, sid, "c" + cn++, sp.id(), sp.name(), rec == null ? null : rec.id(),
                                rec == null ? null : rec.name(), rec == null ? "said" : "told", rec == null ? "say" : "tell",
                                content, cc[3], cc[4], MODES[R.nextInt(MODES.length)], STANCES[R.nextInt(STANCES.length)],
                                vt, R.nextInt(100) / 100.0, 0.5 + R.nextInt(50) / 100.0, true, lemmas(content));
                        nClaims++;
                        if (about != null) {
                            row(ab, cid, about.id(), vt, true); // claim_about carries its claim's time and visibility (V5)
                            nAbout++;
                        }
                    }
                }
                nStories++;
                if (sid % batch == 0 || sid == n) {
                    copy.copyIn("COPY query.stories (id, uri, current_version, visible, created_at, updated_at) FROM STDIN", reader(st));
                    copy.copyIn("COPY query.story_versions (id, story_id, version, event_id, pub_status, is_current, visible, "
                            + "language, headline, byline, body, located, url, source, feed_id, content_hash, duplicate_of, "
                            + "subjects, info_sources, nlp_model, version_created, first_created, enriched_at, stored_at, lemmas) FROM STDIN",
                            reader(sv));
                    copy.copyIn("COPY query.story_entities (story_version_id, local_id, entity_id, name, type, titles, "
                            + "mention_count, resolution, visible) FROM STDIN", reader(se));
                    copy.copyIn("COPY query.mentions (id, story_version_id, entity_id, start_offset, end_offset, text) FROM STDIN", reader(me));
                    copy.copyIn("COPY query.claims (id, story_version_id, story_id, local_id, speaker_entity_id, speaker_text, "
                            + "recipient_entity_id, recipient_text, cue_text, cue_lemma, content, content_start, content_end, "
                            + "mode, stance, said_at, check_worthiness, confidence, visible, lemmas) FROM STDIN", reader(cl));
                    copy.copyIn("COPY query.claim_about (claim_id, entity_id, said_at, visible) FROM STDIN", reader(ab));
                    copy.copyIn("COPY query.entity_alias_stories (alias_id, story_id) FROM STDIN "
                            , reader(dedupe(as)));
                    for (StringBuilder b : List.of(st, sv, se, me, cl, ab, as)) {
                        b.setLength(0);
                    }
                    System.out.printf("  %d stories (%.0f s)%n", sid, (System.nanoTime() - t0) / 1e9);
                }
            }
            System.out.println("derived counters ...");
            try (Statement s = c.createStatement()) {
                s.execute("""
                        UPDATE query.entities e SET mention_count = x.m, story_count = x.s
                        FROM (SELECT entity_id, sum(mention_count) m, count(DISTINCT story_version_id) s
                              FROM query.story_entities WHERE visible GROUP BY entity_id) x WHERE e.id = x.entity_id""");
                s.execute("""
                        UPDATE query.entities e SET claims_by_count = x.n
                        FROM (SELECT speaker_entity_id AS id, count(*) AS n FROM query.claims WHERE visible GROUP BY 1) x
                        WHERE e.id = x.id""");
                s.execute("""
                        UPDATE query.entities e SET claims_about_count = x.n
                        FROM (SELECT a.entity_id AS id, count(*) AS n FROM query.claim_about a
                              JOIN query.claims c ON c.id = a.claim_id WHERE c.visible GROUP BY 1) x
                        WHERE e.id = x.id""");
                s.execute("""
                        UPDATE query.entity_aliases a SET story_count = x.n
                        FROM (SELECT alias_id, count(*) n FROM query.entity_alias_stories GROUP BY alias_id) x WHERE a.id = x.alias_id""");
                s.execute("""
                        INSERT INTO query.co_mentions (entity_id, other_entity_id, story_count)
                        SELECT a.entity_id, b.entity_id, count(DISTINCT a.story_version_id)
                        FROM query.story_entities a JOIN query.story_entities b
                          ON b.story_version_id = a.story_version_id AND b.entity_id <> a.entity_id
                        WHERE a.visible GROUP BY 1, 2""");
                for (String[] seq : new String[][] {{"stories", "id"}, {"story_versions", "id"}, {"entities", "id"},
                        {"entity_aliases", "id"}, {"mentions", "id"}, {"claims", "id"}}) {
                    s.execute("SELECT setval(pg_get_serial_sequence('query." + seq[0] + "', '" + seq[1] + "'), (SELECT max("
                            + seq[1] + ") FROM query." + seq[0] + "))");
                }
                System.out.println("vacuum analyze ...");
                s.execute("VACUUM ANALYZE");
            }
            System.out.printf("loaded: stories=%d versions=%d entities=%d story_entities=%d mentions=%d claims=%d "
                            + "claim_about=%d alias_stories=%d in %.0f s%n", nStories, nVersions, eid - 1, nSe, nMentions,
                    nClaims, nAbout, nAliasStories, (System.nanoTime() - t0) / 1e9);
        }
    }

    static StringBuilder dedupe(StringBuilder rows) {
        Set<String> lines = new LinkedHashSet<>(List.of(rows.toString().split("\n")));
        lines.remove("");
        StringBuilder out = new StringBuilder();
        lines.forEach(l -> out.append(l).append('\n'));
        return out;
    }

    static void mention(Map<Long, List<int[]>> m, long id, StringBuilder body, String name) {
        int s = body.length();
        body.append(name);
        m.computeIfAbsent(id, k -> new ArrayList<>()).add(new int[] {s, body.length()});
    }

    /** Power-law pick: a few entities are in many stories, most in few. */
    static int zipf(int size) {
        return Math.min(size - 1, (int) (size * Math.pow(R.nextDouble(), 3)));
    }

    static List<Ent> pick(List<Ent> from, int k) {
        Set<Ent> out = new LinkedHashSet<>();
        while (out.size() < k) {
            out.add(from.get(zipf(from.size())));
        }
        return new ArrayList<>(out);
    }

    static String headline(String sentence, String person) {
        String[] w = sentence.replaceAll("[^\\p{L}\\p{N} ]", "").split("\\s+");
        StringBuilder sb = new StringBuilder(person).append(':');
        for (int i = 0; i < Math.min(8, w.length); i++) {
            sb.append(' ').append(w[i]);
        }
        return sb.toString();
    }

    static final Map<String, String> IRREGULAR = Map.ofEntries(Map.entry("said", "say"), Map.entry("told", "tell"),
            Map.entry("spoke", "speak"), Map.entry("spoken", "speak"), Map.entry("was", "be"), Map.entry("were", "be"),
            Map.entry("had", "have"), Map.entry("made", "make"), Map.entry("rose", "rise"), Map.entry("fell", "fall"),
            Map.entry("sold", "sell"), Map.entry("bought", "buy"), Map.entry("paid", "pay"), Map.entry("took", "take"));

    /** Approximation of the service's Lemmas.extras for the common irregular forms. */
    static String lemmas(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            String b = IRREGULAR.get(w);
            if (b != null) {
                out.add(b);
            }
        }
        return String.join(" ", out);
    }

    static List<String> sentences(Path reuters) throws IOException {
        List<String> out = new ArrayList<>();
        for (ReutersCorpus.Item item : reuters == null ? List.<ReutersCorpus.Item>of() : ReutersCorpus.read(reuters)) {
            if (!item.hasBody()) {
                continue;
            }
            // the body ends with the wire's sign-off "Reuter" (and a control byte, already trimmed)
            String b = item.body().replaceAll("\\s*Reuter$", "").replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").trim();
            for (String sent : b.split("(?<=[.!?])\\s+(?=[A-Z])")) {
                if (sent.length() > 40 && sent.length() < 300 && !sent.contains("REUTER")) {
                    out.add(sent.trim());
                }
            }
        }
        if (out.isEmpty()) {
            String[] words = ("market prices government officials said oil talks bank rates trade deficit exports "
                    + "economy growth percent year company shares profit loss quarter minister agreement security "
                    + "council vote election campaign war peace border troops ceasefire sanctions energy gas pipeline "
                    + "inflation budget tax reform court ruling appeal investigation report spoke meeting summit").split(" ");
            for (int i = 0; i < 50_000; i++) {
                StringBuilder sb = new StringBuilder();
                int len = 10 + R.nextInt(15);
                for (int j = 0; j < len; j++) {
                    sb.append(j == 0 ? cap(words[R.nextInt(words.length)]) : " " + words[zipf(words.length)]);
                }
                out.add(sb.append('.').toString());
            }
        }
        return out;
    }

    static String lower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    static String pgArray(String[] a) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < a.length; i++) {
            sb.append(i > 0 ? "," : "").append('"').append(a[i].replace("\"", "")).append('"');
        }
        return sb.append('}').toString();
    }

    /** One COPY text-format row. */
    static void row(StringBuilder sb, Object... cols) {
        for (int i = 0; i < cols.length; i++) {
            if (i > 0) {
                sb.append('\t');
            }
            Object o = cols[i];
            if (o == null) {
                sb.append("\\N");
            } else {
                String v = o instanceof Instant t ? t.toString() : o.toString();
                for (int j = 0; j < v.length(); j++) {
                    char ch = v.charAt(j);
                    switch (ch) {
                        case '\\' -> sb.append("\\\\");
                        case '\t' -> sb.append("\\t");
                        case '\n' -> sb.append("\\n");
                        case '\r' -> sb.append("\\r");
                        default -> sb.append(ch);
                    }
                }
            }
        }
        sb.append('\n');
    }

    static Reader reader(StringBuilder sb) {
        return new StringReader(sb.toString());
    }
}
