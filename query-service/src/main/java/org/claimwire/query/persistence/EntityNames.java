package org.claimwire.query.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.claimwire.query.config.QueryConfig;
import org.claimwire.query.search.NameIndex;
import org.jboss.logging.Logger;

/**
 * Keeps the in-memory {@link NameIndex} behind {@code GET /api/v1/entities?q=} in step with PostgreSQL: loaded
 * at startup, refreshed right after this process stores a story ({@link #refresh()} from the consumer) and on a
 * timer ({@code claimwire.query.name-index.refresh-interval}) for what other replicas stored: aliases added
 * (by id, plus a look-back by {@code first_seen} for transactions that committed out of id order) and entity
 * rows changed ({@code updated_at}: names, counts). Until the first load succeeds, searches use SQL.
 */
@ApplicationScoped
public class EntityNames {
    private static final Logger LOG = Logger.getLogger(EntityNames.class);
    /** How far back a refresh looks for rows whose transaction started before the previous refresh. */
    private static final long LOOK_BACK_SECONDS = 60;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    QueryConfig config;

    private final NameIndex index = new NameIndex();
    private volatile boolean loaded;
    /** The database clock at the start of the previous successful refresh. */
    private Instant since;
    private ScheduledExecutorService timer;

    void start(@Observes StartupEvent ev) {
        if (!config.nameIndex().enabled()) {
            return;
        }
        refreshQuietly();
        long every = Math.max(100, config.nameIndex().refreshInterval().toMillis());
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "entity-names-refresh");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::refreshQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent ev) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** The index, or null while it has not been loaded (then callers fall back to SQL). */
    public NameIndex index() {
        return loaded ? index : null;
    }

    /** The timer's refresh; failures are logged (the next tick tries again). */
    public void refreshQuietly() {
        refreshQuietly(false);
    }

    /** After this process stored a story: its new names and entities, by primary keys; failures are logged. */
    public void afterStore() {
        refreshQuietly(true);
    }

    private void refreshQuietly(boolean quick) {
        if (!config.nameIndex().enabled()) {
            return;
        }
        try {
            refresh(quick);
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("entity name index refresh failed: %s", e.getMessage());
        }
    }

    /** Loads aliases and entity rows added or changed since the previous refresh (everything the first time). */
    public void refresh() throws SQLException {
        refresh(false);
    }

    /**
     * @param quick only aliases with new ids and their new entities (cheap, by primary keys: right after this
     *              process stored a story); otherwise also the look-back and changed entity rows (names, counts)
     */
    synchronized void refresh(boolean quick) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean first = !loaded;
            quick = quick && !first;
            Instant now = quick ? null : Jdbc.one(c, "SELECT now()", List.of(), rs -> rs.getTimestamp(1).toInstant());
            Timestamp from = first || quick ? new Timestamp(0) : Timestamp.from(since.minusSeconds(LOOK_BACK_SECONDS));
            // after this process stored a story (quick): new ids only, by the primary key; on the timer also the
            // look-back (a transaction that committed after a higher id was seen), a scan of the aliases
            List<NameIndex.Alias> aliases = Jdbc.list(c, "SELECT id, entity_id, name_norm FROM query.entity_aliases "
                    + "WHERE kind IN ('NAME', 'TITLE') AND " + (quick ? "id > ?" : "(id > ? OR first_seen >= ?)"),
                    quick ? List.<Object>of(index.maxAliasId()) : List.<Object>of(index.maxAliasId(), from),
                    rs -> new NameIndex.Alias(rs.getLong(1), rs.getLong(2), rs.getString(3)));
            Set<Long> newEntities = new HashSet<>();
            for (NameIndex.Alias a : aliases) {
                if (index.entity(a.entityId()) == null) {
                    newEntities.add(a.entityId());
                }
            }
            String entitySql = "SELECT id, canonical_name, type, mention_count, story_count FROM query.entities"
                    + (first ? "" : quick ? " WHERE id = ANY(?)" : " WHERE updated_at >= ? OR created_at >= ? OR id = ANY(?)");
            Long[] fresh = newEntities.toArray(new Long[0]);
            List<Object> params = first ? List.of() : quick ? List.<Object>of((Object) fresh) : List.<Object>of(from, from, fresh);
            List<NameIndex.Entity> entities = Jdbc.list(c, entitySql, params, rs -> new NameIndex.Entity(rs.getLong(1),
                    rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)));
            entities.forEach(index::putEntity); // entities first, so a new alias never points at nothing
            index.addAliases(aliases);
            if (!quick) {
                since = now;
            }
            if (first) {
                LOG.infof("entity name index loaded: %d entities, %d names and titles", index.entityCount(), index.aliasCount());
            }
            loaded = true;
        }
    }
}
