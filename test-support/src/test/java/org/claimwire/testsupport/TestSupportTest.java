package org.claimwire.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class TestSupportTest {

    @Test
    void brokerRoundTripsARecordWithHeaders() {
        KafkaBroker broker = KafkaBroker.shared();
        KafkaProbe.send(broker.bootstrapServers(), "wire.ingest.dlq", "k", "v", Map.of("dead-letter-reason", "test"));
        List<ConsumerRecord<String, String>> records = KafkaProbe.poll(broker.bootstrapServers(), "wire.ingest.dlq", 1,
                Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        assertThat(KafkaProbe.header(records.get(0), "dead-letter-reason")).isEqualTo("test");
    }

    @Test
    void postgresSurvivesAStopAndRestartWithItsData() throws Exception {
        EmbeddedPostgresServer pg = EmbeddedPostgresServer.shared();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (v int)");
            s.execute("INSERT INTO kept VALUES (42)");
        }
        pg.stop();
        pg.restart();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }

    @Test
    void seedFixturesAreOnTheClasspath() {
        assertThat(Fixtures.seedStory()).startsWith("Kremlin spokesman Dmitry Peskov said today");
        assertThat(Fixtures.seedGold()).contains("\"claims\"");
    }
}
