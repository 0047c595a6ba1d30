package org.claimwire.ingest.formats;

import java.util.Locale;
import java.util.Set;

/** Editorial signals (IPTC's signal codes and the words providers use) that withdraw an item: a kill. */
final class Signals {
    /** Codes without their scheme ({@code sig:kill} → {@code kill}). */
    private static final Set<String> KILL = Set.of("kill", "killed", "cancel", "canceled", "cancelled", "withdraw",
            "withdrawn", "withdrawal");

    private Signals() {
    }

    static boolean kills(String code) {
        if (code == null || code.isBlank()) {
            return false;
        }
        return KILL.contains(code.substring(code.lastIndexOf(':') + 1).trim().toLowerCase(Locale.ROOT));
    }
}
