package org.claimwire.ingest.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.claimwire.ingest.dedupe.Deduplicator;
import org.claimwire.ingest.dedupe.StoryState;

/**
 * Dedupe and version state in PostgreSQL (schema {@code ingest}): one row per uri with its latest
 * published version, hash and MinHash signature, and every content hash seen. Written in one JDBC
 * batch per request after the broker acked; read once at startup to rebuild the in-memory index.
 */
@ApplicationScoped
public class StateStore {

    @Inject
    AgroalDataSource ds;

    /** Loads everything into {@code dedupe}, in first-seen order; answers the number of stories. */
    public int loadInto(Deduplicator dedupe) throws SQLException {
        int n = 0;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("select uri, version, version_created, content_hash, "
                    + "pub_status, duplicate_of, minhash from ingest.story_state order by seq")) {
                ps.setFetchSize(5000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        dedupe.restore(new StoryState(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(),
                                rs.getString(4), rs.getString(5), rs.getString(6), fromBytes(rs.getBytes(7))), List.of());
                        n++;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select content_hash, uri from ingest.content_seen")) {
                ps.setFetchSize(5000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        dedupe.restoreHash(rs.getString(1), rs.getString(2));
                    }
                }
            }
            c.commit();
        }
        return n;
    }

    /** Upserts the states of published decisions in one transaction. */
    public void save(List<StoryState> states) throws SQLException {
        if (states.isEmpty()) {
            return;
        }
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement up = c.prepareStatement("insert into ingest.story_state (uri, version, version_created, "
                    + "content_hash, pub_status, duplicate_of, minhash) values (?,?,?,?,?,?,?) on conflict (uri) do "
                    + "update set version = excluded.version, version_created = excluded.version_created, "
                    + "content_hash = excluded.content_hash, pub_status = excluded.pub_status, "
                    + "duplicate_of = excluded.duplicate_of, minhash = excluded.minhash, updated_at = now() "
                    + "where story_state.version < excluded.version");
                 PreparedStatement seen = c.prepareStatement(
                         "insert into ingest.content_seen (content_hash, uri) values (?,?) on conflict do nothing")) {
                for (StoryState s : states) {
                    up.setString(1, s.uri());
                    up.setInt(2, s.version());
                    up.setTimestamp(3, Timestamp.from(s.versionCreated()));
                    up.setString(4, s.contentHash());
                    up.setString(5, s.pubStatus());
                    up.setString(6, s.duplicateOf());
                    up.setBytes(7, toBytes(s.minhash()));
                    up.addBatch();
                    seen.setString(1, s.contentHash());
                    seen.setString(2, s.uri());
                    seen.addBatch();
                }
                up.executeBatch();
                seen.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    public long count() throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("select count(*) from ingest.story_state");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static byte[] toBytes(int[] sig) {
        if (sig == null) {
            return null;
        }
        ByteBuffer b = ByteBuffer.allocate(sig.length * 4);
        for (int v : sig) {
            b.putInt(v);
        }
        return b.array();
    }

    static int[] fromBytes(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int[] sig = new int[bytes.length / 4];
        for (int i = 0; i < sig.length; i++) {
            sig[i] = b.getInt();
        }
        return sig;
    }

    /** For diagnostics. */
    public List<String> uris(int limit) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select uri from ingest.story_state order by seq limit ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
