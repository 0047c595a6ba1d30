package org.claimwire.ingest.formats;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The only links Claimwire stores: absolute http or https URLs with a host (never javascript:, data:, file:, ...). */
public final class HttpUrl {
    private HttpUrl() {
    }

    public static boolean isHttpUrl(String s) {
        if (s == null) {
            return false;
        }
        try {
            URI u = new URI(s);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
