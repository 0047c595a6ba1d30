package org.claimwire.ingest.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.claimwire.ingest.formats.RejectedInput;

/** Reads a request body up to a limit; one byte more is a 413. */
final class BoundedBody {
    private BoundedBody() {
    }

    /** Sees each chunk as it arrives and may refuse the body early (e.g. a batch's line cap) by throwing. */
    interface ChunkCheck {
        void accept(byte[] buf, int off, int len);
    }

    static byte[] read(InputStream in, long limit, String what) {
        return read(in, limit, what, null);
    }

    static byte[] read(InputStream in, long limit, String what, ChunkCheck check) {
        if (in == null) {
            return new byte[0];
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            byte[] buf = new byte[16384];
            long total = 0;
            int r;
            while ((r = in.read(buf)) > 0) {
                total += r;
                if (total > limit) {
                    throw new RejectedInput(RejectedInput.Kind.TOO_LARGE, what + " is larger than the limit of "
                            + limit + " bytes (" + (limit / 1024) + " KiB)");
                }
                if (check != null) {
                    check.accept(buf, 0, r);
                }
                out.write(buf, 0, r);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw RejectedInput.malformed("could not read the request body: " + e.getMessage());
        }
    }
}
