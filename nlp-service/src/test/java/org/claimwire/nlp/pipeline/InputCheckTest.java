package org.claimwire.nlp.pipeline;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InputCheckTest {

    @Test
    void aTableOfFiguresIsAStoryNotPoison() {
        // the shape of Reuters' results stories: few letters, many figures
        String table = """
                Shr 1.20 dlrs vs 98 cts
                Net 12.4 mln vs 9.8 mln
                Revs 143.6 mln vs 121.0 mln
                Nine mths
                Shr 3.41 dlrs vs 2.87 dlrs
                Net 35.2 mln vs 29.6 mln
                """;
        assertThatCode(() -> InputCheck.check(table)).doesNotThrowAnyException();
        assertThatCode(() -> InputCheck.check("1,234 5,678 9,012 3,456 7,890 1.5 2.5")).doesNotThrowAnyException();
    }

    @Test
    void controlAndUndecodableCharactersArePoison() {
        assertThatThrownBy(() -> InputCheck.check("\u0001\u0002\u0003\u0004\u0005 binary"))
                .isInstanceOf(InputCheck.Rejected.class).hasMessageContaining("control/undecodable");
        assertThatThrownBy(() -> InputCheck.check("\uFFFD\uFFFD\uFFFD\uFFFD text"))
                .isInstanceOf(InputCheck.Rejected.class);
    }

    @Test
    void emptyAndOversizedBodiesAreRefused() {
        assertThatThrownBy(() -> InputCheck.check("  ")).isInstanceOf(InputCheck.Rejected.class);
        assertThatThrownBy(() -> InputCheck.check("a".repeat(InputCheck.MAX_BODY_BYTES + 1)))
                .isInstanceOf(InputCheck.Rejected.class).hasMessageContaining("1 MiB");
    }
}
