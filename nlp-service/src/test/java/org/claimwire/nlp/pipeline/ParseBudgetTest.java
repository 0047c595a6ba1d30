package org.claimwire.nlp.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.claimwire.nlp.doc.ParsedDoc;
import org.claimwire.nlp.doc.Sentence;
import org.junit.jupiter.api.Test;

/** A huge story within the size limit must not hold a worker for minutes: the parse stops at its budget. */
class ParseBudgetTest {

    @Test
    void sentencesPastTheBudgetAreTaggedButNotParsed() {
        NlpPipeline spent = new NlpPipeline(Duration.ZERO);
        String text = "The mayor said the bridge would reopen on Monday.\n".repeat(100);

        ParsedDoc doc = spent.analyze(text, s -> true);

        List<Sentence> sentences = doc.sentences();
        assertThat(sentences).hasSize(100);
        // the first batch is always parsed (a short story never loses its parses), then the spent budget stops it
        long parsed = sentences.stream().filter(Sentence::parsed).count();
        assertThat(parsed).isEqualTo(32);
        assertThat(sentences.get(0).parsed()).isTrue();
        assertThat(sentences.get(99).parsed()).isFalse();
        assertThat(sentences.get(99).tokens()).isNotEmpty();
        assertThat(sentences.get(99).tokens().get(1).pos()).isEqualTo("NN");
    }
}
