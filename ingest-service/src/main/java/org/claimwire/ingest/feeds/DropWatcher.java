package org.claimwire.ingest.feeds;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.claimwire.ingest.IngestConfig;
import org.claimwire.ingest.IngestPipeline;
import org.claimwire.ingest.formats.RejectedInput;
import org.claimwire.ingest.formats.StoryDraft;
import org.claimwire.ingest.formats.StoryFormats;
import org.jboss.logging.Logger;

/**
 * File drop, as wire services deliver by FTP: a directory scanned for {@code .json} (ninjs) and
 * {@code .xml} (NewsML-G2) files. A file is read once it has not changed for the settle time; then it
 * moves to {@code done/} (whatever the dedupe outcome) or to {@code failed/} with {@code NAME.reason}
 * beside it (and a DLQ record). When the broker does not ack, the file stays for the next scan. Whatever a
 * file throws ({@link Throwable}) never ends the scanner, and a file is never retried forever.
 */
@ApplicationScoped
public class DropWatcher {
    private static final Logger LOG = Logger.getLogger(DropWatcher.class);

    @Inject
    IngestConfig config;
    @Inject
    IngestPipeline pipeline;

    private ScheduledExecutorService timer;
    private Path dir;

    void start(@Observes StartupEvent ev) throws IOException {
        if (!config.drop().enabled() || config.drop().dir().isEmpty()) {
            return;
        }
        dir = Path.of(config.drop().dir().get()).toAbsolutePath();
        Files.createDirectories(dir.resolve("done"));
        Files.createDirectories(dir.resolve("failed"));
        LOG.infof("file drop watching %s", dir);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "file-drop");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(50, config.drop().scanInterval().toMillis());
        timer.scheduleWithFixedDelay(this::scan, every, every, TimeUnit.MILLISECONDS);
    }

    public Path dir() {
        return dir;
    }

    void scan() {
        try {
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                for (Path p : ds) {
                    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (Files.isRegularFile(p) && !n.startsWith(".") && (n.endsWith(".json") || n.endsWith(".xml"))) {
                        files.add(p);
                    }
                }
            }
            files.sort(null);
            long settleMs = config.drop().settle().toMillis();
            for (Path p : files) {
                try {
                    if (System.currentTimeMillis() - Files.getLastModifiedTime(p).toMillis() < settleMs) {
                        continue;
                    }
                    handle(p);
                } catch (Throwable t) {
                    unexpected(p, t);
                }
            }
        } catch (Throwable e) {
            LOG.warn("file drop scan failed", e);
        }
    }

    /**
     * A file whose handling threw something unforeseen (a parser's StackOverflowError, an I/O error) is
     * retried on the next scans, but at most {@value #MAX_ATTEMPTS} times in all: then it moves to
     * {@code failed/} with the reason, so no file is retried forever and the scan goes on with the others.
     */
    private void unexpected(Path p, Throwable t) {
        String name = p.getFileName().toString();
        int n = attempts.merge(name, 1, Integer::sum);
        boolean deterministic = t instanceof StackOverflowError || t instanceof RuntimeException;
        LOG.warnf("file drop %s failed (attempt %d): %s", name, n, t.toString());
        if (!deterministic && n < MAX_ATTEMPTS) {
            return;
        }
        attempts.remove(name);
        try {
            fail(p, "500 Internal error: the file could not be processed (" + t.getClass().getSimpleName() + ")");
        } catch (Throwable moveFailed) {
            LOG.errorf("could not move %s to failed/: %s", name, moveFailed.toString());
        }
    }

    static final int MAX_ATTEMPTS = 3;
    private final ConcurrentHashMap<String, Integer> attempts = new ConcurrentHashMap<>();

    void handle(Path p) throws IOException {
        String name = p.getFileName().toString();
        try {
            if (Files.size(p) > config.maxStoryBytes()) {
                throw new RejectedInput(RejectedInput.Kind.TOO_LARGE, "file is larger than " + config.maxStoryBytes()
                        + " bytes");
            }
            StoryDraft d = StoryFormats.parseFile(name, Files.readAllBytes(p));
            IngestPipeline.Result r = pipeline.ingestOne(new IngestPipeline.Input(d, "drop", "ingest-service/drop"), "file");
            if (r.unavailable()) {
                LOG.warnf("broker unavailable; %s stays for the next scan", name);
                return;
            }
            if (!r.ok()) {
                throw r.error();
            }
            Files.move(p, dir.resolve("done").resolve(name), StandardCopyOption.REPLACE_EXISTING);
            attempts.remove(name);
            LOG.debugf("%s: %s %s v%d", name, r.outcome().wire(), r.uri(), r.version());
        } catch (RejectedInput e) {
            fail(p, e.kind().status + " " + e.kind().title + ": " + e.getMessage());
        }
    }

    /** Moves the file to failed/, writes NAME.reason beside it and dead-letters a note of it. */
    private void fail(Path p, String reason) throws IOException {
        String name = p.getFileName().toString();
        Path failed = dir.resolve("failed");
        Files.move(p, failed.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(failed.resolve(name + ".reason"), reason + "\n", StandardCharsets.UTF_8);
        pipeline.deadLetter("file:" + name, "{\"file\":\"" + name.replace("\"", "").replace("\\", "") + "\"}", reason);
    }

    void stop(@Observes ShutdownEvent ev) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
