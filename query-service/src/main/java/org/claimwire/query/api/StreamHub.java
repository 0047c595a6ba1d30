package org.claimwire.query.api;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.claimwire.query.config.QueryConfig;
import org.claimwire.query.persistence.QueryRepository;
import org.claimwire.query.persistence.Views;
import org.jboss.logging.Logger;

/**
 * One reader of {@code query.stream_events} for every SSE connection of this replica: a single thread asks
 * PostgreSQL for new events every poll interval, keeps the most recent ones in memory and hands each
 * connection those it has not had (filtered by entity in memory). Only a connection that is further behind
 * than that memory (a resume with an old Last-Event-ID) reads the database itself, until it has caught up.
 * All connection work runs on the hub's thread, so a connection is never served by two threads at once.
 * The same thread sends every connection a comment line each heartbeat.
 */
@ApplicationScoped
public class StreamHub {
    private static final Logger LOG = Logger.getLogger(StreamHub.class);

    @Inject
    QueryRepository repo;
    @Inject
    QueryConfig config;

    private final ArrayDeque<Views.StreamRow> recent = new ArrayDeque<>();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger open = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();
    private ScheduledExecutorService thread;
    private volatile long head = -1;
    private long lastHeartbeat = System.nanoTime();

    /** No free connection under the cap. */
    public static final class Full extends RuntimeException {
        Full() {
            super("the stream's connection limit is reached");
        }
    }

    void start(@Observes StartupEvent ev) {
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stream-hub");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(20, config.stream().pollInterval().toMillis());
        thread.scheduleWithFixedDelay(this::tick, 0, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent ev) {
        if (thread != null) {
            thread.shutdownNow();
        }
    }

    public int openConnections() {
        return open.get();
    }

    /** The newest sequence number the hub has seen (the database's when it has not read yet). */
    public long head() {
        long h = head;
        return h >= 0 ? h : repo.streamHead();
    }

    /**
     * A new connection's events: those after {@code after}, naming one of {@code entityIds} when given.
     *
     * @throws Full past the connection cap
     */
    public Multi<OutboundSseEvent> subscribe(Sse sse, long after, Set<Long> entityIds) {
        if (open.incrementAndGet() > config.stream().maxConnections()) {
            open.decrementAndGet();
            throw new Full();
        }
        return Multi.createFrom().<OutboundSseEvent>emitter(em -> {
            Connection c = new Connection(sse, em, after, entityIds);
            em.onTermination(() -> {
                connections.remove(c);
                open.decrementAndGet();
            });
            // retry: and a first line at once (headers flushed, the client knows it is connected)
            em.emit(sse.newEventBuilder().comment("connected").reconnectDelay(config.stream().retryMillis()).build());
            connections.add(c);
            thread.execute(() -> serve(c));
        }).onOverflow().buffer(config.stream().perConnectionBuffer());
    }

    void tick() {
        try {
            readNew();
            boolean heartbeat = System.nanoTime() - lastHeartbeat >= config.stream().heartbeat().toNanos();
            if (heartbeat) {
                lastHeartbeat = System.nanoTime();
            }
            for (Connection c : connections) {
                if (heartbeat) {
                    c.em.emit(c.sse.newEventBuilder().comment("heartbeat").build());
                }
                serve(c);
            }
        } catch (Throwable t) {
            LOG.warnf("stream hub tick failed: %s", t.toString());
        }
    }

    /** Queries of the stream table made by the hub itself (one per poll, whatever the number of connections). */
    public long reads() {
        return reads.get();
    }

    private void readNew() {
        reads.incrementAndGet();
        if (head < 0) {
            head = repo.streamHead();
            return;
        }
        int batch = config.stream().batchSize();
        while (true) {
            List<Views.StreamRow> rows = repo.streamRowsAfter(head, batch);
            for (Views.StreamRow r : rows) {
                recent.addLast(r);
                head = r.seq();
            }
            while (recent.size() > config.stream().buffer()) {
                recent.removeFirst();
            }
            if (rows.size() < batch) {
                return;
            }
        }
    }

    /** Sends the connection what it has not had; reads the database only while it is behind the buffer. */
    private void serve(Connection c) {
        if (c.em.isCancelled() || head < 0) {
            return;
        }
        try {
            long oldestBuffered = recent.isEmpty() ? head + 1 : recent.peekFirst().seq();
            int batch = config.stream().batchSize();
            while (c.last + 1 < oldestBuffered && c.last < head) {
                List<Views.StreamEvent> page = repo.streamAfter(c.last, c.entityIds == null ? null
                        : List.copyOf(c.entityIds), batch);
                boolean reachedBuffer = page.size() < batch;
                for (Views.StreamEvent e : page) {
                    if (e.seq() >= oldestBuffered) {
                        reachedBuffer = true;
                        break;
                    }
                    c.send(e);
                }
                if (reachedBuffer) {
                    c.last = Math.max(c.last, oldestBuffered - 1);
                    break;
                }
            }
            for (Views.StreamRow r : recent) {
                if (r.seq() > c.last) {
                    if (c.wants(r)) {
                        c.send(r.event());
                    } else {
                        c.last = r.seq();
                    }
                }
            }
        } catch (Throwable t) {
            LOG.debugf("stream connection closed: %s", t.toString());
            c.em.fail(t);
        }
    }

    private static final class Connection {
        final Sse sse;
        final MultiEmitter<? super OutboundSseEvent> em;
        final Set<Long> entityIds;
        long last;

        Connection(Sse sse, MultiEmitter<? super OutboundSseEvent> em, long after, Set<Long> entityIds) {
            this.sse = sse;
            this.em = em;
            this.last = after;
            this.entityIds = entityIds == null ? null : new HashSet<>(entityIds);
        }

        boolean wants(Views.StreamRow r) {
            if (entityIds == null) {
                return true;
            }
            for (Long id : r.entityIds()) {
                if (entityIds.contains(id)) {
                    return true;
                }
            }
            return false;
        }

        void send(Views.StreamEvent e) {
            em.emit(sse.newEventBuilder().id(Long.toString(e.seq())).name(e.kind())
                    .mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, e.data()).build());
            last = e.seq();
        }
    }
}
