import java.nio.file.Files;
import java.nio.file.Path;
import org.claimwire.testsupport.EmbeddedPostgresServer;

/**
 * Starts PostgreSQL for the ask benchmark through test-support's zonky-based server (works as root, unlike a
 * plain initdb), prints "READY <port>", and runs until killed.
 * Usage: java -cp <test-support classpath> Db.java <work dir> <port> [reuse: 1 keeps the data of the last run]
 */
public class Db {
    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        Path data = work.resolve("pgdata");
        boolean reuse = args.length > 2 && args[2].equals("1");
        if (Files.exists(data) && !reuse) {
            try (var files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(work.resolve("pgbin"), Files.createDirectories(data), port);
        Runtime.getRuntime().addShutdownHook(new Thread(pg::close));
        System.out.println("READY " + pg.port());
        Thread.currentThread().join();
    }
}
