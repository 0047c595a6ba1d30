package org.claimwire.security.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.claimwire.security.ApiKey;
import org.claimwire.security.KeyStore;

/**
 * Keys in table {@code <schema>.api_key} (each service's own Flyway migration creates it): hashes only.
 * A plain class; ingest and query make one for their schema.
 */
public final class JdbcKeyStore implements KeyStore {
    private final DataSource ds;
    private final String table;

    public JdbcKeyStore(DataSource ds, String schema) {
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a schema name: " + schema);
        }
        this.ds = ds;
        this.table = schema + ".api_key";
    }

    @Override
    public List<ApiKey> loadAll() throws SQLException {
        List<ApiKey> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, name, role, source, uri_prefixes, key_hash, "
                     + "created_at, revoked_at from " + table);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Array prefixes = rs.getArray(5);
                out.add(new ApiKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        prefixes == null ? List.of() : List.of((String[]) prefixes.getArray()), rs.getString(6),
                        instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8))));
            }
        }
        return out;
    }

    @Override
    public void save(ApiKey k) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into " + table + " (id, name, role, source, "
                     + "uri_prefixes, key_hash, created_at, revoked_at) values (?,?,?,?,?,?,?,?) on conflict (id) do "
                     + "update set revoked_at = coalesce(" + table + ".revoked_at, excluded.revoked_at)")) {
            ps.setString(1, k.id());
            ps.setString(2, k.name());
            ps.setString(3, k.role());
            ps.setString(4, k.source());
            ps.setArray(5, c.createArrayOf("text", k.uriPrefixes().toArray()));
            ps.setString(6, k.hash());
            ps.setTimestamp(7, Timestamp.from(k.createdAt() != null ? k.createdAt() : Instant.now()));
            ps.setTimestamp(8, k.revokedAt() == null ? null : Timestamp.from(k.revokedAt()));
            ps.executeUpdate();
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
