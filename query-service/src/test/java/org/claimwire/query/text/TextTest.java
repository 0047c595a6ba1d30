package org.claimwire.query.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One normaliser and one lexicon: what ask reads from a question matches what the store wrote. */
class TextTest {

    @Test
    void initialismsNormaliseAsStoredNames() {
        assertThat(Names.normalise("U.S.")).isEqualTo("us");
        assertThat(Names.normalise("the U.S. Treasury")).isEqualTo("us treasury");
        // a question's words, joined, are the stored name_norm of the entity it names
        assertThat(String.join(" ", Text.words("What did the U.S. Treasury say?"))).contains("us treasury");
        assertThat(String.join(" ", Text.words("J. Smith"))).isEqualTo(Names.normalise("J. Smith"));
    }

    @Test
    void oneLexiconServesSearchAndAsk() {
        // the irregular inflections search indexes by are the ones ask lemmatises by
        assertThat(Lexicon.irregularBase("spoken")).isEqualTo("speak");
        assertThat(Lexicon.lemma("spoken")).isEqualTo("speak");
        assertThat(Lexicon.lemma("sought")).isEqualTo("seek");
        assertThat(Lexicon.lemma("children")).isEqualTo("child");
        // word families only ask uses
        assertThat(Lexicon.irregularBase("denial")).isNull();
        assertThat(Lexicon.lemma("denial")).isEqualTo("deny");
        assertThat(Lexicon.expansions("speak")).contains("spoke", "spoken", "talk");
    }

    @Test
    void displayTextHasNoHardWraps() {
        assertThat(Text.display("What did Paul\nVolcker   say?")).isEqualTo("What did Paul Volcker say?");
        assertThat(Text.display(null)).isNull();
    }
}
