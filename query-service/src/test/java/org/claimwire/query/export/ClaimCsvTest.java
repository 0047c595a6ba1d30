package org.claimwire.query.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.claimwire.query.persistence.Views.ClaimView;
import org.claimwire.query.persistence.Views.EntityRef;
import org.junit.jupiter.api.Test;

class ClaimCsvTest {

    @Test
    void quotesOnlyFieldsThatNeedItAndDoublesQuotes() throws Exception {
        StringWriter w = new StringWriter();
        ClaimCsv.field(w, "plain", false);
        ClaimCsv.field(w, "a, b", true);
        ClaimCsv.field(w, "he said \"no\"", true);
        ClaimCsv.field(w, "two\nlines", true);
        ClaimCsv.field(w, null, true);
        ClaimCsv.field(w, "", true);
        assertThat(w.toString()).isEqualTo("plain,\"a, b\",\"he said \"\"no\"\"\",\"two\nlines\",,");
    }

    @Test
    void oneRowPerClaimInTheColumnOrder() throws Exception {
        ClaimView c = new ClaimView(7, 3, "urn:x", 2, "Kremlin, again", "c1", new EntityRef(11L, "Dmitry Peskov"), "Peskov",
                null, "TASS", "told", "tell", "he could neither confirm nor deny", 10, 40, "INDIRECT",
                "NEITHER_CONFIRMS_NOR_DENIES", "STATEMENT", "today", "2025-02-10", Instant.parse("2025-02-10T00:00:00Z"),
                List.of(4L, 5L), 0.5, 0.9, "Reuters", "en");
        StringWriter w = new StringWriter();
        ClaimCsv.header(w);
        ClaimCsv.row(w, c);
        String[] lines = w.toString().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0].split(",")).hasSize(ClaimCsv.COLUMNS.size());
        assertThat(lines[1]).isEqualTo("7,2025-02-10T00:00:00Z,STATEMENT,NEITHER_CONFIRMS_NOR_DENIES,INDIRECT,11,Dmitry Peskov,"
                + "Peskov,told,he could neither confirm nor deny,,,TASS,4 5,today,2025-02-10,0.5,0.9,3,urn:x,2,"
                + "\"Kremlin, again\",Reuters,en");
    }
}
