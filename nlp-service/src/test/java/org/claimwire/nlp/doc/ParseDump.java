package org.claimwire.nlp.doc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.claimwire.nlp.pipeline.NlpPipeline;

/**
 * Writes the CoreNLP analysis of hand-written sentences as CoNLL-U fixtures for the rule tests, which then
 * run without loading CoreNLP. Usage: {@code ParseDump in.txt out.conllu} (one sentence or short passage per
 * line). Regenerate a fixture only when the pipeline's models change.
 */
public final class ParseDump {
    private ParseDump() {
    }

    public static void main(String[] args) throws IOException {
        NlpPipeline pipeline = new NlpPipeline();
        StringBuilder out = new StringBuilder();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String text = line.replace("\\n", "\n");
            ParsedDoc doc = pipeline.analyze(text, s -> true);
            out.append(Conllu.write(doc));
        }
        Files.writeString(Path.of(args[1]), out.toString(), StandardCharsets.UTF_8);
    }
}
