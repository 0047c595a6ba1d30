package org.claimwire.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.claimwire.events.PubStatus;
import org.claimwire.events.Story;
import org.claimwire.ingest.normalise.OpenNlpLanguageDetector;
import org.claimwire.ingest.normalise.StoryNormaliser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * IPTC's whole ninjs test suite (validation/test_suite of iptc/newsinjson, versions 1.0-3.3, 145 should-pass and
 * 75 should-fail documents; src/test/resources/iptc-ninjs/test-suite, see its NOTICE.md) through the same path a
 * push takes (media type, UTF-8 decoding, the ninjs reader, the normaliser). {@code expectations.tsv} names the
 * answer each document must get: {@code story}, {@code flash} or {@code kill} (accepted), {@code 422} (valid but
 * no story text: non-text types, metadata only), {@code 400}, or {@code refused} (400 or 422). Every should-pass
 * document is accepted or answered 422; every should-fail one is refused — except the rows that say why not.
 */
class IptcTestSuiteTest {
    static final Path ROOT = Path.of("src/test/resources/iptc-ninjs/test-suite");
    private static StoryNormaliser normaliser;

    record Case(String path, String expected, String why) {
        boolean shouldPass() {
            return path.contains("/should_pass/");
        }

        @Override
        public String toString() {
            return path + " -> " + expected;
        }
    }

    @BeforeAll
    static void setUp() {
        normaliser = new StoryNormaliser(OpenNlpLanguageDetector.fromClasspath(), Clock.systemUTC());
    }

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        for (String line : Files.readAllLines(ROOT.resolve("expectations.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", 3);
            out.add(new Case(f[0], f[1], f.length > 2 ? f[2] : ""));
        }
        return out;
    }

    /** What ingest answers: story, flash or kill when accepted, else the refusal's status. */
    static String answer(byte[] document) {
        try {
            Story s = normaliser.normalise(StoryFormats.parse(StoryFormats.NINJS, document), null).story();
            return s.pubStatus() == PubStatus.CANCELED ? "kill" : s.flash() ? "flash" : "story";
        } catch (RejectedInput e) {
            return String.valueOf(e.kind().status);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyDocumentGetsItsAnswer(Case c) throws IOException {
        String got = answer(Files.readAllBytes(ROOT.resolve(c.path())));
        if (c.expected().equals("refused")) {
            assertThat(got).as(c.path()).isIn("400", "422");
        } else {
            assertThat(got).as(c.path()).isEqualTo(c.expected());
        }
    }

    /** The suite is complete, and every departure from IPTC's verdict says why. */
    @Test
    void everyDocumentIsListedAndEveryExceptionExplained() throws IOException {
        Set<String> files;
        try (Stream<Path> s = Files.walk(ROOT)) {
            files = s.filter(p -> p.toString().endsWith(".json")).map(p -> ROOT.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        List<Case> cases = cases();
        assertThat(cases).extracting(Case::path).containsExactlyInAnyOrderElementsOf(files);
        assertThat(files).hasSize(220);
        for (Case c : cases) {
            boolean departs = c.shouldPass() ? c.expected().equals("400") || c.expected().equals("refused")
                    : !c.expected().equals("refused") && !c.expected().equals("400") && !c.expected().equals("422");
            if (departs) {
                assertThat(c.why()).as("why %s departs from IPTC's verdict", c.path()).isNotBlank();
            }
        }
        long passAccepted = cases.stream().filter(c -> c.shouldPass() && Set.of("story", "flash", "kill").contains(c.expected())).count();
        assertThat(passAccepted).as("should-pass documents with text that become stories").isGreaterThanOrEqualTo(40);
    }
}
