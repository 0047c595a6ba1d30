package org.claimwire.ingest.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link FlatLanguageModel} ranks exactly as OpenNLP's own {@code LanguageDetectorME} with the same model: same
 * best and runner-up language, same probabilities (to rounding), on text in many scripts, on wire furniture
 * (tables of figures, URLs, hashtags, emoji) and on thousands of random splices of them.
 */
class FlatLanguageModelTest {
    static LanguageDetectorME reference;
    static FlatLanguageModel flat;

    static final String[] TEXTS = {
        "The Kremlin said on Tuesday it could neither confirm nor deny reports of a phone call between the two presidents.",
        "Der Bundestag hat am Donnerstag ein Gesetz beschlossen, das die Mieten in den Städten begrenzen soll.",
        "Le gouvernement a annoncé mardi une série de mesures pour soutenir les agriculteurs touchés par la sécheresse.",
        "El presidente dijo que no habrá nuevos impuestos este año, según informó la agencia oficial de noticias.",
        "Il ministro ha dichiarato che la riforma delle pensioni sarà presentata al parlamento entro la fine del mese.",
        "O banco central manteve a taxa de juros inalterada pela terceira reunião consecutiva, disse o comunicado.",
        "De regering heeft dinsdag bekendgemaakt dat de belastingen volgend jaar niet omhoog gaan.",
        "Президент заявил журналистам, что переговоры продолжатся на следующей неделе в Москве.",
        "外交部发言人在例行记者会上表示，中方愿与各方保持沟通。",
        "وقال المتحدث باسم الوزارة إن المحادثات ستستأنف الأسبوع المقبل في القاهرة",
        "政府は火曜日、新たな経済対策を発表した。", "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία.",
        "Hükümet salı günü yeni ekonomik tedbirleri açıkladı.", "Rząd ogłosił we wtorek nowy pakiet ustaw.",
        "Shr 34 cts vs 1.19 dlrs Net 807,000 vs 2,858,000 Revs 12.5 mln vs 11.9 mln",
        "Qtly div 15 cts vs 15 cts prior Pay April 15 Record April One",
        "See https://example.com/news/2024/01/02/story.html?id=42 and @newsdesk #breaking 🚀🔥 for more",
        "MOSCOW, Jan 2 (Reuters) - Kremlin spokesman Dmitry Peskov told TASS: \"I cannot confirm this.\"",
        "", " ", "a", "12345 67.8", "ÄÖÜ äöü ß ÉÈ", "\uD83D\uDE00\uD83D\uDE00", "I", "AAAAAAAAAA bbbbbbbbb",
    };

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = FlatLanguageModelTest.class.getClassLoader().getResourceAsStream("langdetect-183.bin")) {
            LanguageDetectorModel model = new LanguageDetectorModel(in);
            reference = new LanguageDetectorME(model);
            flat = new FlatLanguageModel(model);
        }
    }

    static void assertSameRanking(String text) {
        Language[] ref = reference.predictLanguages(text);
        FlatLanguageModel.Ranked got = flat.rank(text);
        assertThat(got.best()).as("best language of [%s]", text).isEqualTo(ref[0].getLang());
        assertThat(got.bestProbability()).as("best probability of [%s]", text).isCloseTo(ref[0].getConfidence(), within(1e-9));
        assertThat(got.second()).as("runner-up of [%s]", text).isEqualTo(ref[1].getLang());
        assertThat(got.secondProbability()).as("runner-up probability of [%s]", text).isCloseTo(ref[1].getConfidence(), within(1e-9));
    }

    @Test
    void ranksEachSampleAsOpenNlpDoes() {
        for (String t : TEXTS) {
            assertSameRanking(t);
        }
    }

    @Test
    void ranksRandomSplicesAsOpenNlpDoes() {
        Random rnd = new Random(7);
        List<String> words = new ArrayList<>();
        for (String t : TEXTS) {
            words.addAll(List.of(t.split(" ")));
        }
        for (int k = 0; k < 3_000; k++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + rnd.nextInt(60);
            for (int i = 0; i < n; i++) {
                String w = words.get(rnd.nextInt(words.size()));
                if (rnd.nextInt(10) == 0 && w.length() > 2) {
                    w = w.substring(rnd.nextInt(w.length() - 1));
                }
                sb.append(w).append(rnd.nextInt(8) == 0 ? "\n" : " ");
            }
            String text = sb.toString();
            assertSameRanking(text.length() > OpenNlpLanguageDetector.MAX_CHARS
                    ? text.substring(0, OpenNlpLanguageDetector.MAX_CHARS) : text);
        }
    }

    @Test
    void isNotFooledByAnotherLanguagesText() {
        assertThat(flat.rank(TEXTS[1]).best()).isEqualTo("deu");
        assertThat(flat.rank(TEXTS[0]).best()).isEqualTo("eng");
    }
}
