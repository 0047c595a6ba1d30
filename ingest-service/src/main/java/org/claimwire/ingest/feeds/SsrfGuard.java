package org.claimwire.ingest.feeds;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Refuses feed URLs that would make ingest fetch from inside the network: hosts resolving to loopback,
 * link-local (incl. cloud metadata 169.254.169.254), private (RFC 1918), CGNAT (100.64/10),
 * unique-local IPv6 (fc00::/7), unspecified or multicast addresses — unless configuration allows
 * loopback (tests) or private ranges. Only http and https, no credentials in the URL.
 */
public final class SsrfGuard {
    private final boolean allowLoopback;
    private final boolean allowPrivate;

    public SsrfGuard(boolean allowLoopback, boolean allowPrivate) {
        this.allowLoopback = allowLoopback;
        this.allowPrivate = allowPrivate;
    }

    /** Thrown with the reason a URL is refused. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /** Checks the URL's form and every address its host resolves to. */
    public URI check(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url).normalize();
        } catch (Exception e) {
            throw new Refused("not a valid URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("only http and https feed URLs are accepted, not '" + scheme + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new Refused("the feed URL has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("credentials in the feed URL are not accepted");
        }
        InetAddress[] addrs;
        try {
            addrs = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new Refused("host '" + uri.getHost() + "' does not resolve");
        }
        for (InetAddress a : addrs) {
            String why = classify(a);
            if (why == null) {
                continue;
            }
            if (why.equals("loopback") && allowLoopback) {
                continue;
            }
            if (!why.equals("loopback") && allowPrivate && !why.equals("unspecified") && !why.equals("multicast")) {
                continue;
            }
            throw new Refused("feed host '" + uri.getHost() + "' resolves to " + a.getHostAddress() + ", a " + why
                    + " address; fetching from it is not allowed");
        }
        return uri;
    }

    /** Null for a public unicast address, else what kind of address it is. */
    static String classify(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return "loopback";
        }
        if (a.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (a.isMulticastAddress()) {
            return "multicast";
        }
        if (a.isLinkLocalAddress()) {
            return "link-local";
        }
        if (a.isSiteLocalAddress()) {
            return "private";
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int b0 = b[0] & 0xFF;
            int b1 = b[1] & 0xFF;
            if (b0 == 100 && b1 >= 64 && b1 <= 127) {
                return "carrier-grade NAT (private)";
            }
            if (b0 == 0 || b0 >= 240 || (b0 == 192 && b1 == 0 && (b[2] & 0xFF) == 0) || (b0 == 198 && (b1 == 18 || b1 == 19))) {
                return "reserved";
            }
        } else if (a instanceof Inet6Address) {
            if ((b[0] & 0xFE) == 0xFC) {
                return "unique-local (private)";
            }
            boolean v4mapped = true;
            for (int i = 0; i < 10; i++) {
                v4mapped &= b[i] == 0;
            }
            if (v4mapped && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
                try {
                    return classify(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException impossible) {
                    return "invalid";
                }
            }
        }
        return null;
    }
}
