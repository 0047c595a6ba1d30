package org.claimwire.nlp;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.claimwire.events.Enrichment;
import org.claimwire.events.NlpModel;
import org.claimwire.nlp.claims.ClaimExtractor;
import org.claimwire.nlp.claims.CueLexicon;
import org.claimwire.nlp.doc.ParsedDoc;
import org.claimwire.nlp.entities.EntityExtractor;
import org.claimwire.nlp.entities.StoryEntities;
import org.claimwire.nlp.pipeline.LanguageGuess;
import org.claimwire.nlp.pipeline.NlpPipeline;

/**
 * The whole enrichment of one story body: language, CoreNLP (parse only where a cue can be), entities
 * with in-story resolution, claims with kind and stance, unattributed check-worthy statements.
 * Thread-safe; share one instance per process. It sits above {@code pipeline}, {@code entities} and
 * {@code claims}, which only share the plain parsed-document model in {@code doc}.
 */
public final class Enricher {
    public static final NlpModel MODEL = new NlpModel("stanford-corenlp", "4.5.10+claimwire-rules-2",
            NlpPipeline.ANNOTATORS);

    private final NlpPipeline pipeline;
    private final EntityExtractor entities = new EntityExtractor();
    private final ClaimExtractor claims;

    public Enricher(NlpPipeline pipeline) {
        this(pipeline, CueLexicon.standard());
    }

    public Enricher(NlpPipeline pipeline, CueLexicon cues) {
        this.pipeline = pipeline;
        this.claims = new ClaimExtractor(cues);
    }

    /** Everything the service produces for a body; {@code refDate} anchors relative times ("today"). */
    public Result analyze(String body, String declaredLanguage, LocalDate refDate) {
        String language = language(body, declaredLanguage);
        if (!language.equals("en")) {
            return new Result(new Enrichment(language, List.of(), List.of()), null, null);
        }
        ParsedDoc doc = pipeline.analyze(body, claims::needsParse);
        StoryEntities ents = entities.extract(doc);
        List<Enrichment.Claim> cl = claims.extract(doc, ents, refDate == null ? LocalDate.now() : refDate);
        return new Result(new Enrichment("en", ents.toContract(), cl), doc, ents);
    }

    public Enrichment enrich(String body, String declaredLanguage, LocalDate refDate) {
        return analyze(body, declaredLanguage, refDate).enrichment();
    }

    /** The enrichment plus the intermediate analysis (for tests and benchmarks). */
    public record Result(Enrichment enrichment, ParsedDoc doc, StoryEntities entities) {
    }

    /**
     * The language is decided once, upstream: ingest detects it and the story carries it. A declared
     * language ("en", "en-GB", "de") is trusted; only when it is absent (a bare REST call) is it guessed,
     * and an undecidable guess counts as English.
     */
    static String language(String body, String declared) {
        if (declared != null && !declared.isBlank() && !declared.trim().equalsIgnoreCase("und")) {
            String d = declared.trim().toLowerCase(Locale.ROOT);
            int dash = d.indexOf('-');
            if (dash < 0) {
                dash = d.indexOf('_');
            }
            return dash > 0 ? d.substring(0, dash) : d;
        }
        String detected = LanguageGuess.detect(body);
        return detected.equals("und") ? "en" : detected;
    }
}
