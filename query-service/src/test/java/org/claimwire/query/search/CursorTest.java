package org.claimwire.query.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CursorTest {
    @Test
    void roundTripsAndIsOpaque() {
        Instant t = Instant.parse("2025-02-10T08:00:00.123456Z");
        String text = Cursor.of("stories", t, 42).encode();
        assertThat(text).doesNotContain("stories").matches("[A-Za-z0-9_-]+");
        Cursor c = Cursor.decode(text, "stories", 2);
        assertThat(c.instantValue(0)).isEqualTo(t);
        assertThat(c.longValue(1)).isEqualTo(42);
    }

    @Test
    void escapesSeparators() {
        Cursor c = Cursor.decode(Cursor.of("x", "a|b\\c", "").encode(), "x", 2);
        assertThat(c.value(0)).isEqualTo("a|b\\c");
        assertThat(c.value(1)).isEmpty();
    }

    @Test
    void rejectsForeignOrBrokenCursors() {
        String claims = Cursor.of("claims", Instant.EPOCH, 1).encode();
        assertThatThrownBy(() -> Cursor.decode(claims, "stories", 2)).isInstanceOf(Cursor.InvalidCursorException.class);
        assertThatThrownBy(() -> Cursor.decode("%%%", "stories", 2)).isInstanceOf(Cursor.InvalidCursorException.class);
        assertThatThrownBy(() -> Cursor.decode(Cursor.of("stories", "nope", 1).encode(), "stories", 2).instantValue(0))
                .isInstanceOf(Cursor.InvalidCursorException.class);
    }
}
