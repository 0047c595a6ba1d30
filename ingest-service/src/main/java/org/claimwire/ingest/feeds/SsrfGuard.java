package org.claimwire.ingest.feeds;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Refuses feed URLs that would make ingest fetch from inside the network: hosts resolving to loopback,
 * link-local (incl. cloud metadata 169.254.169.254), private (RFC 1918), CGNAT (100.64/10), reserved,
 * unspecified or multicast addresses, unique-local or site-local IPv6, and every IPv6 form that carries or
 * reaches an IPv4 address (IPv4-compatible, IPv4-mapped, NAT64 64:ff9b::/96 and 64:ff9b:1::/48, 6to4
 * 2002::/16, Teredo 2001::/32) — unless configuration allows loopback (tests) or private ranges. Only http
 * and https, no credentials in the URL.
 *
 * <p>{@link #resolve} is what the fetcher's connections use as their DNS: the addresses it answers are the
 * ones that were checked, so a host cannot resolve to a public address for the check and to an internal one
 * for the connection (DNS rebinding). Refusals never name the address (the caller may be probing the
 * network); the log does.
 */
public final class SsrfGuard {
    private static final Logger LOG = Logger.getLogger(SsrfGuard.class);
    static final String NOT_PUBLIC = "the feed host is not a public internet address; fetching from it is not allowed";

    private final boolean allowLoopback;
    private final boolean allowPrivate;

    public SsrfGuard(boolean allowLoopback, boolean allowPrivate) {
        this.allowLoopback = allowLoopback;
        this.allowPrivate = allowPrivate;
    }

    /** Thrown with the reason a URL is refused (never naming an internal address). */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /** Checks the URL's form and every address its host resolves to. */
    public URI check(String url) throws Refused {
        URI uri = checkForm(url);
        resolve(uri.getHost());
        return uri;
    }

    /** Checks scheme, host and credentials without resolving. */
    public URI checkForm(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url).normalize();
        } catch (Exception e) {
            throw new Refused("not a valid URL");
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
        return uri;
    }

    /** Resolves the host once and answers its addresses if every one is allowed. */
    public InetAddress[] resolve(String host) throws Refused {
        InetAddress[] addrs;
        try {
            addrs = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new Refused("the feed host does not resolve");
        }
        for (InetAddress a : addrs) {
            String why = classify(a);
            if (why == null || allowed(why)) {
                continue;
            }
            LOG.infof("feed host %s refused: it resolves to %s, a %s address", host, a.getHostAddress(), why);
            throw new Refused(NOT_PUBLIC);
        }
        return addrs;
    }

    private boolean allowed(String why) {
        if (why.equals("loopback")) {
            return allowLoopback;
        }
        return allowPrivate && !why.equals("unspecified") && !why.equals("multicast");
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
            return null;
        }
        if (a instanceof Inet6Address) {
            return classify6(b);
        }
        return "unknown";
    }

    /** IPv6 ranges Java does not classify, and every form that embeds or translates to IPv4. */
    static String classify6(byte[] b) {
        int w0 = ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
        int w1 = ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
        if ((b[0] & 0xFE) == 0xFC) {
            return "unique-local (private)";
        }
        boolean first80Zero = true;
        for (int i = 0; i < 10; i++) {
            first80Zero &= b[i] == 0;
        }
        if (first80Zero && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
            return "IPv4-mapped";
        }
        if (first80Zero && b[10] == 0 && b[11] == 0) {
            return "IPv4-compatible"; // ::a.b.c.d (deprecated); :: and ::1 were caught above
        }
        if (w0 == 0x0064 && w1 == 0xff9b) {
            return "NAT64"; // 64:ff9b::/96 and the local-use 64:ff9b:1::/48
        }
        if (w0 == 0x2002) {
            return "6to4";
        }
        if (w0 == 0x2001 && w1 == 0x0000) {
            return "Teredo";
        }
        if (w0 == 0x2001 && w1 == 0x0db8) {
            return "documentation (reserved)";
        }
        if (w0 == 0x0100 && w1 == 0 && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0) {
            return "discard (reserved)";
        }
        if ((w0 & 0xE000) != 0x2000) {
            return "reserved"; // global unicast is 2000::/3 only
        }
        return null;
    }
}
