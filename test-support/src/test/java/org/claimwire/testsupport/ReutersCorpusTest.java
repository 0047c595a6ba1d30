package org.claimwire.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a fixture written here in the corpus's format (no corpus text in the repository). */
class ReutersCorpusTest {
    static final String FILE = """
            <?xml version="1.0"?>
            <LEWIS>
            <REUTERS TOPICS="YES" NEWID="7">
            <DATE>26-FEB-1987 15:01:01.79</DATE>
            <TOPICS><D>grain</D><D>wheat</D></TOPICS>
            <PLACES><D>usa</D></PLACES>
            <TEXT>
            <TITLE>FARM GROUP &lt;ABC&gt; SEES &amp;#3; GAINS</TITLE>
            <DATELINE>    CHICAGO, Feb 26 - </DATELINE><BODY>Prices rose &amp; farmers
            said it was &#34;good&#34;.
             Reuter
            </BODY></TEXT>
            </REUTERS>
            <REUTERS TOPICS="NO" NEWID="8">
            <DATE>26-FEB-1987 15:02:20.00</DATE>
            <TOPICS></TOPICS>
            <TEXT TYPE="BRIEF">
            <TITLE>FLASH HEADLINE ONLY</TITLE>
            </TEXT>
            </REUTERS>
            </LEWIS>
            """;

    @Test
    void readsItemsFlashesIncludedWithEntitiesDecoded(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("reut2-001.xml"), FILE.replace("NEWID=\"7\"", "NEWID=\"9\"").replace("NEWID=\"8\"", "NEWID=\"10\""));
        Files.writeString(dir.resolve("reut2-000.xml"), FILE);
        Files.writeString(dir.resolve("README.txt"), "not a corpus file");

        List<ReutersCorpus.Item> all = ReutersCorpus.read(dir);
        assertThat(all).extracting(ReutersCorpus.Item::newId).containsExactly("7", "8", "9", "10");
        ReutersCorpus.Item first = all.get(0);
        assertThat(first.title()).isEqualTo("FARM GROUP <ABC> SEES &#3; GAINS");
        assertThat(first.body()).startsWith("Prices rose & farmers\nsaid it was \"good\".").endsWith("Reuter");
        assertThat(first.dateline()).isEqualTo("CHICAGO, Feb 26 -");
        assertThat(first.topics()).containsExactly("grain", "wheat");
        assertThat(first.places()).containsExactly("usa");
        assertThat(all.get(1).hasBody()).isFalse();
        assertThat(all.get(1).title()).isEqualTo("FLASH HEADLINE ONLY");
        assertThat(ReutersCorpus.withBody(dir, 0)).extracting(ReutersCorpus.Item::newId).containsExactly("7", "9");
        assertThat(ReutersCorpus.withBody(dir, 1)).hasSize(1);
    }

    @Test
    void aMissingCorpusIsEmpty(@TempDir Path dir) throws Exception {
        assertThat(ReutersCorpus.read(dir.resolve("absent"))).isEmpty();
    }
}
