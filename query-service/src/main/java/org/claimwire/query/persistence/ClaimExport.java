package org.claimwire.query.persistence;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.claimwire.events.EventJson;
import org.claimwire.query.export.ClaimCsv;
import org.claimwire.query.persistence.Views.ClaimView;
import org.claimwire.query.search.ClaimFilter;
import org.claimwire.query.search.Cursor;

/**
 * Every claim a {@link ClaimFilter} matches, streamed as CSV or NDJSON: the rows come through a server-side
 * cursor ({@code fetchSize} rows at a time, inside a read-only transaction, as PostgreSQL's JDBC driver needs) and
 * go straight to the response, so memory stays constant however many claims match.
 */
@ApplicationScoped
public class ClaimExport {
    /** Rows per round trip: large enough that the network is not the limit, small enough to stay a few MB. */
    static final int FETCH_SIZE = 2_000;

    @Inject
    AgroalDataSource dataSource;

    private final ObjectWriter json = EventJson.mapper().writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    public enum Format { CSV, NDJSON }

    /** Writes the matches of {@code filter} (after {@code cursorText}, at most {@code limit} when given) to {@code out}. */
    public void write(ClaimFilter filter, String cursorText, Integer limit, Format format, OutputStream out) throws IOException {
        Cursor cursor = cursorText == null ? null : Cursor.decode(cursorText, ClaimFilter.CURSOR_KIND, 2);
        int max = limit == null ? Integer.MAX_VALUE - 1 : Math.min(limit, Integer.MAX_VALUE - 1); // LIMIT max + 1
        SqlQuery q = FilterSql.claims(filter, cursor, max);
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        JsonGenerator gen = null;
        if (format == Format.NDJSON) {
            gen = json.getFactory().createGenerator(w);
            gen.setRootValueSeparator(new SerializedString("\n")); // one claim per line
        }
        if (format == Format.CSV) {
            ClaimCsv.header(w);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // a cursor (fetch size) only works inside a transaction
            c.setReadOnly(true);
            try (PreparedStatement ps = Jdbc.prepare(c, q.sql(), q.params())) {
                ps.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = ps.executeQuery()) {
                    int n = 0;
                    while (n < max && rs.next()) {
                        n++;
                        ClaimView v = QueryRepository.claim(rs);
                        if (gen != null) {
                            json.writeValue(gen, v);
                        } else {
                            ClaimCsv.row(w, v);
                        }
                    }
                    if (gen != null && n > 0) {
                        gen.writeRaw('\n');
                    }
                }
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("export failed: " + e.getMessage(), e);
        }
        if (gen != null) {
            gen.flush();
        }
        w.flush();
    }

}
