package org.claimwire.query.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A database that is away must make the consumer wait, never dead-letter good records. */
class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAreUnavailabilityWhereverTheyAreWrapped() {
        assertThat(StoreException.databaseUnavailable(new IllegalStateException("query failed",
                new SQLException("Connection to localhost:5432 refused", "08001")))).isTrue();
        assertThat(StoreException.databaseUnavailable(new RuntimeException(
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(StoreException.databaseUnavailable(new RuntimeException(new ConnectException("refused"))))
                .isTrue();
        assertThat(StoreException.databaseUnavailable(
                new SQLException("Sorry, acquisition timeout!"))).isTrue();
    }

    @Test
    void statementFailuresOnTheRecordAreNot() {
        assertThat(StoreException.databaseUnavailable(new RuntimeException(
                new SQLException("value too long for type character varying(10)", "22001")))).isFalse();
        assertThat(StoreException.databaseUnavailable(new IllegalArgumentException("bad offsets"))).isFalse();
    }
}
