package org.claimwire.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LemmasTest {
    @Test
    void irregularFormsMapToTheirBase() {
        assertThat(Lemmas.base("spoken")).isEqualTo("speak");
        assertThat(Lemmas.base("Told")).isEqualTo("tell");
        assertThat(Lemmas.base("walked")).isNull();
        assertThat(Lemmas.extras("Trump said he had spoken", "and spoke")).isEqualTo("say have speak");
    }

    @Test
    void queriesAreRewrittenOutsideQuotes() {
        assertThat(Lemmas.rewrite("spoken Putin")).isEqualTo("speak Putin");
        assertThat(Lemmas.rewrite("\"have spoken\" or told -said")).isEqualTo("\"have spoken\" or tell -say");
        assertThat(Lemmas.originalForms("spoken Putin told")).isEqualTo("speak or spoke or spoken or tell or told");
        assertThat(Lemmas.originalForms("speak")).isEqualTo("speak or spoke or spoken");
        assertThat(Lemmas.originalForms("Putin")).isNull();
    }
}
