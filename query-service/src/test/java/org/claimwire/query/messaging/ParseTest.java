package org.claimwire.query.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.claimwire.query.persistence.InvalidEventException;
import org.junit.jupiter.api.Test;

class ParseTest {
    @Test
    void poisonRecordsSayWhy() {
        assertThatThrownBy(() -> EnrichedStoryConsumer.parse("not json")).isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("not an EnrichedStory JSON");
        assertThatThrownBy(() -> EnrichedStoryConsumer.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> EnrichedStoryConsumer.parse("{\"enrichment\":{}}")).hasMessageContaining("no story");
        assertThatThrownBy(() -> EnrichedStoryConsumer.parse("{\"story\":{\"version\":1}}")).hasMessageContaining("no uri");
        assertThatThrownBy(() -> EnrichedStoryConsumer.parse("{\"story\":{\"uri\":\"u\",\"version\":0}}")).hasMessageContaining("version");
    }

    @Test
    void spansOutsideTheBodyArePoison() {
        assertThatThrownBy(() -> EnrichedStoryConsumer.parse("{\"story\":{\"uri\":\"urn:x\",\"version\":1,"
                + "\"body\":\"short\"},\"enrichment\":{\"entities\":[{\"id\":\"e1\",\"name\":\"X\","
                + "\"type\":\"PERSON\",\"mentions\":[{\"start\":400,\"end\":90,\"text\":\"X\"}]}],\"claims\":[]}}"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("outside its body");
    }

    @Test
    void parsesAGoodEvent() {
        var e = EnrichedStoryConsumer.parse("{\"story\":{\"uri\":\"urn:x\",\"version\":2,\"body\":\"b\"},\"enrichment\":{\"entities\":[]}}");
        assertThat(e.story().uri()).isEqualTo("urn:x");
        assertThat(e.story().version()).isEqualTo(2);
    }
}
