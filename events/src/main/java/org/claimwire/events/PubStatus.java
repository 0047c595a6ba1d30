package org.claimwire.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** ninjs publication status; {@code canceled} is a kill that hides the story. */
public enum PubStatus {
    USABLE, WITHHELD, CANCELED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static PubStatus fromWire(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("cancelled")) {
            return CANCELED;
        }
        for (PubStatus s : values()) {
            if (s.wireName().equals(v)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown pubStatus '" + value + "' (expected usable, withheld or canceled)");
    }
}
