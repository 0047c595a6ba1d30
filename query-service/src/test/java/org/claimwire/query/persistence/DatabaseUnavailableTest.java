package org.claimwire.query.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A database that is away must make the consumer wait, never dead-letter good records. */
class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAreUnavailabilityWhereverTheyAreWrapped() {
        assertThat(EnrichedStoryConsumer.databaseUnavailable(new IllegalStateException("query failed",
                new SQLException("Connection to localhost:5432 refused", "08001")))).isTrue();
        assertThat(EnrichedStoryConsumer.databaseUnavailable(new RuntimeException(
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(EnrichedStoryConsumer.databaseUnavailable(new RuntimeException(new ConnectException("refused"))))
                .isTrue();
        assertThat(EnrichedStoryConsumer.databaseUnavailable(
                new SQLException("Sorry, acquisition timeout!"))).isTrue();
    }

    @Test
    void statementFailuresOnTheRecordAreNot() {
        assertThat(EnrichedStoryConsumer.databaseUnavailable(new RuntimeException(
                new SQLException("value too long for type character varying(10)", "22001")))).isFalse();
        assertThat(EnrichedStoryConsumer.databaseUnavailable(new IllegalArgumentException("bad offsets"))).isFalse();
    }
}
