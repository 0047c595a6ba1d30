package org.claimwire.query.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.claimwire.query.persistence.FullTextSearch;
import org.claimwire.testsupport.ReutersCorpus;

/**
 * Times the snippet HTML of search pages, the code it replaced ({@link ReferenceSnippets#snippetHtml}, per row)
 * against {@link Snippets} (one {@link Snippets.Query} per page, as {@code QueryRepository.search} does), on
 * Reuters-21578 excerpts (headline, newline, first 2,000 characters of the body) that match the query, 10 rows a
 * page. Old and new alternate in the same run after a warm-up. Run by {@code bench/snippets/run.sh}, which compiles it
 * into query-service's package (it calls package-private code) against query-service's test class path.
 */
public final class SnippetsBench {
    private static final String[] QUERIES = {"said", "oil prices", "tariffs", "bank interest rates", "company shares",
            "trade deficit", "crop", "dollar yen", "profit", "strike workers"};

    private SnippetsBench() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : ReutersCorpus.defaultDir(Path.of(""));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        List<String> excerpts = excerpts(dir);
        // pages: per query, the excerpts that contain one of its lexemes, 10 at a time
        List<String> trees = new ArrayList<>();
        List<String[]> pages = new ArrayList<>();
        for (String q : QUERIES) {
            StringBuilder tree = new StringBuilder();
            for (String w : q.split(" ")) {
                tree.append(tree.isEmpty() ? "" : " & ").append('\'').append(Snippets.stem(w)).append('\'');
            }
            if (q.equals("said")) {
                tree = new StringBuilder("'say' | ( 'say' | 'said' )");
            }
            Snippets.Query query = Snippets.query(tree.toString());
            List<String> hits = new ArrayList<>();
            for (String e : excerpts) {
                if (query.html(e).contains("<mark>")) {
                    hits.add(e);
                }
                if (hits.size() == 300) {
                    break;
                }
            }
            for (int i = 0; i + 10 <= hits.size(); i += 10) {
                trees.add(tree.toString());
                pages.add(hits.subList(i, i + 10).toArray(new String[0]));
            }
        }
        int rows = pages.size() * 10;
        long chars = 0;
        for (String[] p : pages) {
            for (String e : p) {
                chars += e.length();
            }
        }
        System.out.printf(Locale.ROOT, "%d excerpts read, %d pages of 10 matching rows, %.0f chars per excerpt%n",
                excerpts.size(), pages.size(), (double) chars / rows);
        // the same output
        for (int i = 0; i < pages.size(); i++) {
            Snippets.Query query = Snippets.query(trees.get(i));
            for (String e : pages.get(i)) {
                if (!query.html(e).equals(ReferenceSnippets.snippetHtml(e, trees.get(i)))) {
                    throw new AssertionError("different output for " + trees.get(i) + ": " + e);
                }
            }
        }
        // thread CPU time (the machine may be shared: wall time would count waiting for a core), old and new
        // alternating every few pages so that both see the same conditions
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long sink = 0;
        int chunk = 5;
        for (int r = -5; r < rounds; r++) { // 5 warm-up rounds
            long oldNs = 0;
            long newNs = 0;
            long perRowNs = 0;
            for (int c = 0; c < pages.size(); c += chunk) {
                int end = Math.min(pages.size(), c + chunk);
                long t0 = mx.getCurrentThreadCpuTime();
                for (int i = c; i < end; i++) {
                    String tree = trees.get(i);
                    for (String e : pages.get(i)) {
                        sink += ReferenceSnippets.snippetHtml(e, tree).length();
                    }
                }
                long t1 = mx.getCurrentThreadCpuTime();
                for (int i = c; i < end; i++) {
                    Snippets.Query query = Snippets.query(trees.get(i));
                    for (String e : pages.get(i)) {
                        sink += query.html(e).length();
                    }
                }
                long t2 = mx.getCurrentThreadCpuTime();
                for (int i = c; i < end; i++) {
                    String tree = trees.get(i);
                    for (String e : pages.get(i)) {
                        sink += Snippets.html(e, tree).length();
                    }
                }
                long t3 = mx.getCurrentThreadCpuTime();
                oldNs += t1 - t0;
                newNs += t2 - t1;
                perRowNs += t3 - t2;
            }
            double old = oldNs / 1e3 / rows;
            double neu = newNs / 1e3 / rows;
            double perRow = perRowNs / 1e3 / rows;
            System.out.printf(Locale.ROOT, "%s round %d: old %.2f us/excerpt, new %.2f us/excerpt (%.1fx less CPU); "
                    + "new without reusing the query %.2f us%n", r < 0 ? "warm-up" : "measured", r, old, neu, old / neu, perRow);
        }
        System.out.println("(sink " + sink + ")");
    }

    /** Headline, newline, the first {@link FullTextSearch#EXCERPT} characters of the body: what a search page row holds. */
    static List<String> excerpts(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        for (ReutersCorpus.Item item : ReutersCorpus.read(dir)) {
            if (item.title() == null || !item.hasBody()) {
                continue;
            }
            String body = item.body();
            out.add(item.title() + "\n" + body.substring(0, Math.min(body.length(), FullTextSearch.EXCERPT)));
            if (out.size() > 8000) {
                break;
            }
        }
        return out;
    }
}
