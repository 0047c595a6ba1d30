package org.claimwire.query.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.claimwire.query.TestSchema;
import org.claimwire.testsupport.EmbeddedPostgresServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks' loader ({@code bench/query/Generate.java}, also used by {@code bench/ask}) runs on a freshly
 * migrated schema, and again over its own rows: so {@code bench/query/run.sh} and {@code bench/ask/run.sh} work
 * from a fresh clone whatever tables later migrations add. A database of its own, so the other tests' rows stay.
 */
class BenchLoaderTest {
    private static final Path GENERATOR = Path.of("..", "bench", "query", "Generate.java");
    private static String url;

    @BeforeAll
    static void freshDatabase() throws Exception {
        EmbeddedPostgresServer pg = EmbeddedPostgresServer.shared();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS bench_loader");
            s.execute("CREATE DATABASE bench_loader OWNER " + EmbeddedPostgresServer.USER);
        }
        url = pg.jdbcUrl().replace("/" + EmbeddedPostgresServer.DATABASE, "/bench_loader");
        TestSchema.migrated(url);
    }

    @Test
    void loadsAFreshDatabaseAndReloadsOverItsOwnRows() throws Exception {
        assertThat(GENERATOR).exists();
        for (int run = 1; run <= 2; run++) {
            String out = generate(40);
            assertThat(out).as("run " + run).contains("entities:");
            assertThat(count("query.stories")).as("run " + run).isEqualTo(40);
            assertThat(count("query.claims")).isPositive();
            // the search tables that V6/V7 fill by trigger follow the load
            assertThat(count("query.story_search")).isEqualTo(count("query.story_versions WHERE visible"));
            assertThat(count("query.claim_search")).isEqualTo(count("query.claims WHERE visible"));
        }
    }

    private static String generate(int stories) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), GENERATOR.toString(),
                url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD, String.valueOf(stories)))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        return text;
    }

    private static long count(String from) throws Exception {
        try (Connection c = DriverManager.getConnection(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + from)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
