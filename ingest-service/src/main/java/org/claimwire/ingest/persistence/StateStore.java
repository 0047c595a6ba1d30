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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimwire.ingest.dedupe.Deduplicator;
import org.claimwire.ingest.dedupe.MinHasher;
import org.claimwire.ingest.dedupe.StoryState;

/**
 * Dedupe and version state in PostgreSQL (schema {@code ingest}): one row per uri with its latest
 * published version, hash and MinHash signature, and every content hash seen. Written with one multi-row
 * statement per table and request after the broker acked; read once at startup to rebuild the in-memory index.
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
                    + "pub_status, duplicate_of, minhash, source from ingest.story_state order by seq")) {
                ps.setFetchSize(5000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        dedupe.restore(new StoryState(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(),
                                rs.getString(4), rs.getString(5), rs.getString(6), fromBytes(rs.getBytes(7)), rs.getString(8)),
                                List.of());
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

    /** Rows per multi-row statement (8 parameters a row; PostgreSQL allows 32,767 per statement). */
    static final int ROWS_PER_STATEMENT = 1000;

    /**
     * Upserts the states of published decisions in one transaction, as one multi-row statement per table
     * (per {@value #ROWS_PER_STATEMENT} rows): a 1,000-story batch is two round trips, not 2,000 statements.
     * Several versions of one uri in the list collapse to the newest (a multi-row upsert may touch a row once).
     */
    public void save(List<StoryState> states) throws SQLException {
        if (states.isEmpty()) {
            return;
        }
        Map<String, StoryState> latest = new LinkedHashMap<>();
        Map<String, String> seenHashes = new LinkedHashMap<>();
        for (StoryState s : states) {
            latest.merge(s.uri(), s, (a, b) -> b.version() >= a.version() ? b : a);
            seenHashes.putIfAbsent(s.contentHash(), s.uri()); // the first uri wins, as with one insert each
        }
        List<StoryState> rows = new ArrayList<>(latest.values());
        List<String[]> seen = new ArrayList<>(seenHashes.size());
        for (Map.Entry<String, String> e : seenHashes.entrySet()) {
            seen.add(new String[] {e.getKey(), e.getValue()});
        }
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
                    List<StoryState> part = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
                    try (PreparedStatement up = c.prepareStatement(upsertSql(part.size()))) {
                        int p = 1;
                        for (StoryState s : part) {
                            up.setString(p++, s.uri());
                            up.setInt(p++, s.version());
                            up.setTimestamp(p++, Timestamp.from(s.versionCreated()));
                            up.setString(p++, s.contentHash());
                            up.setString(p++, s.pubStatus());
                            up.setString(p++, s.duplicateOf());
                            up.setBytes(p++, toBytes(s.minhash()));
                            up.setString(p++, s.owner());
                        }
                        up.executeUpdate();
                    }
                }
                for (int from = 0; from < seen.size(); from += ROWS_PER_STATEMENT) {
                    List<String[]> part = seen.subList(from, Math.min(seen.size(), from + ROWS_PER_STATEMENT));
                    try (PreparedStatement ps = c.prepareStatement(seenSql(part.size()))) {
                        int p = 1;
                        for (String[] hu : part) {
                            ps.setString(p++, hu[0]);
                            ps.setString(p++, hu[1]);
                        }
                        ps.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    static String upsertSql(int rows) {
        StringBuilder sb = new StringBuilder(160 + rows * 20).append("insert into ingest.story_state (uri, version, "
                + "version_created, content_hash, pub_status, duplicate_of, minhash, source) values ");
        for (int i = 0; i < rows; i++) {
            sb.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?)");
        }
        return sb.append(" on conflict (uri) do update set version = excluded.version, version_created = "
                + "excluded.version_created, content_hash = excluded.content_hash, pub_status = excluded.pub_status, "
                + "duplicate_of = excluded.duplicate_of, minhash = excluded.minhash, updated_at = now() "
                + "where story_state.version < excluded.version").toString();
    }

    static String seenSql(int rows) {
        StringBuilder sb = new StringBuilder(80 + rows * 6).append("insert into ingest.content_seen (content_hash, uri) values ");
        for (int i = 0; i < rows; i++) {
            sb.append(i == 0 ? "" : ",").append("(?,?)");
        }
        return sb.append(" on conflict do nothing").toString();
    }

    public long count() throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("select count(*) from ingest.story_state");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The signature prefixed by its {@link MinHasher#VERSION}. */
    static byte[] toBytes(int[] sig) {
        if (sig == null) {
            return null;
        }
        ByteBuffer b = ByteBuffer.allocate(1 + sig.length * 4);
        b.put(MinHasher.VERSION);
        for (int v : sig) {
            b.putInt(v);
        }
        return b.array();
    }

    /**
     * The stored signature, or null when there is none or it was made by another {@link MinHasher#VERSION}
     * (version 1 was stored without a prefix): such a story still counts for exact duplicates and versions,
     * it just cannot be found as the first copy of a near-duplicate.
     */
    static int[] fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length != 1 + MinHasher.NUM_HASHES * 4 || bytes[0] != MinHasher.VERSION) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        int[] sig = new int[MinHasher.NUM_HASHES];
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
