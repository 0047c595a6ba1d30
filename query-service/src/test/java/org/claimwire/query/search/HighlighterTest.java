package org.claimwire.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HighlighterTest {
    @Test
    void marksMentionsAndEscapesHtml() {
        String body = "Peskov told <TASS> that Putin & Trump spoke.";
        var segs = Highlighter.segments(body, List.of(
                new Highlighter.Mark(0, 6, 1), new Highlighter.Mark(24, 29, 2), new Highlighter.Mark(32, 37, 3),
                new Highlighter.Mark(24, 26, 9), // overlaps Putin: dropped
                new Highlighter.Mark(40, 99, 4))); // out of range: dropped
        assertThat(segs).extracting(Highlighter.Segment::text)
                .containsExactly("Peskov", " told <TASS> that ", "Putin", " & ", "Trump", " spoke.");
        assertThat(String.join("", segs.stream().map(Highlighter.Segment::text).toList())).isEqualTo(body);
        assertThat(Highlighter.html(segs)).isEqualTo("<mark data-entity=\"1\">Peskov</mark> told &lt;TASS&gt; that "
                + "<mark data-entity=\"2\">Putin</mark> &amp; <mark data-entity=\"3\">Trump</mark> spoke.");
    }
}
