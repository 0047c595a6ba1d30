package org.claimwire.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.claimwire.testsupport.EmbeddedPostgresServer;

/**
 * Runs the embedded PostgreSQL for the demo until the process is stopped:
 * {@code PostgresMain <workDir> <port>}. Binaries and data stay under {@code workDir}; the JDBC URL is
 * written to {@code workDir/jdbc-url} once the server accepts connections.
 */
public final class PostgresMain {
    private PostgresMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: PostgresMain <workDir> <port>");
            System.exit(2);
        }
        Path workDir = Files.createDirectories(Path.of(args[0]).toAbsolutePath());
        int port = Integer.parseInt(args[1]);
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(workDir.resolve("binaries"),
                Files.createDirectories(workDir.resolve("data")), port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "postgres-shutdown"));
        Files.writeString(workDir.resolve("jdbc-url"), server.jdbcUrl() + "\n");
        System.out.println("PostgreSQL ready at " + server.jdbcUrl());
        stopped.await();
    }
}
