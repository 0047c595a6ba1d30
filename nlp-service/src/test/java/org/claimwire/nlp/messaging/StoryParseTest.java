package org.claimwire.nlp.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What the consumer refuses as poison (to wire.nlp.dlq) before any NLP runs. */
class StoryParseTest {

    @Test
    void impossibleStoriesArePoison() {
        assertThatThrownBy(() -> StoryConsumer.parse("{not json"))
                .isInstanceOf(StoryConsumer.PoisonRecordException.class).hasMessageContaining("not a Story JSON");
        assertThatThrownBy(() -> StoryConsumer.parse("{\"uri\":\"u\",\"version\":-3,\"body\":\"b\"}"))
                .isInstanceOf(StoryConsumer.PoisonRecordException.class).hasMessageContaining("version -3");
        assertThatThrownBy(() -> StoryConsumer.parse("{\"uri\":\"u\",\"version\":1,\"body\":null}"))
                .isInstanceOf(StoryConsumer.PoisonRecordException.class).hasMessageContaining("no body");
    }

    @Test
    void aKillNeedsNoBody() {
        assertThat(StoryConsumer.parse("{\"uri\":\"u\",\"version\":2,\"pubStatus\":\"canceled\"}").isKill()).isTrue();
    }
}
