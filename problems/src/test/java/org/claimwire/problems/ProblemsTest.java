package org.claimwire.problems;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProblemsTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyTypeHasADistinctKebabCaseUriAnErrorStatusAndATitle() {
        Set<String> uris = new HashSet<>();
        for (ProblemType t : ProblemType.values()) {
            assertThat(t.slug()).as(t.name()).matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
            assertThat(t.uri()).isEqualTo("https://claimwire.org/problems/" + t.slug());
            assertThat(uris.add(t.uri())).as("unique " + t.uri()).isTrue();
            assertThat(t.status()).as(t.name()).isBetween(400, 599);
            assertThat(t.title()).as(t.name()).isNotBlank();
        }
    }

    @Test
    void theBodyHasExactlyTheRfc7807FieldsAndLeavesOutWhatIsUnknown() throws Exception {
        JsonNode full = json.valueToTree(Problem.of(ProblemType.INVALID_CURSOR, "cursor is not base64", "/api/v1/stories"));
        assertThat(fieldNames(full)).containsExactly("type", "title", "status", "detail", "instance");
        assertThat(full.get("type").asText()).isEqualTo("https://claimwire.org/problems/invalid-cursor");
        assertThat(full.get("title").asText()).isEqualTo("Invalid cursor");
        assertThat(full.get("status").isInt()).isTrue();
        assertThat(full.get("status").asInt()).isEqualTo(400);

        JsonNode sparse = json.valueToTree(Problem.of(ProblemType.NOT_FOUND, null, null));
        assertThat(fieldNames(sparse)).containsExactly("type", "title", "status");
    }

    @Test
    void responsesAreProblemJsonWithTheTypesStatus() {
        Response r = Problems.response(ProblemType.NOT_A_STORY, "a picture", "/api/v1/stories");
        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(r.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(r.getEntity()).isEqualTo(new Problem("https://claimwire.org/problems/not-a-story",
                "Not a text story", 422, "a picture", "/api/v1/stories"));

        Response busy = Problems.retryAfter(ProblemType.BROKER_UNAVAILABLE, 7, "broker down", "/x");
        assertThat(busy.getStatus()).isEqualTo(503);
        assertThat(busy.getHeaderString("Retry-After")).isEqualTo("7");
    }

    @Test
    void aBareStatusIsAboutBlankTitledWithItsReasonPhrase() {
        assertThat(Problems.forStatus(405, "use GET", "/x"))
                .isEqualTo(new Problem("about:blank", "Method Not Allowed", 405, "use GET", "/x"));
        assertThat(Problems.forStatus(499, null, null).title()).isEqualTo("CLIENT_ERROR");
    }

    @Test
    void theReadmeDocumentsEveryType() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (ProblemType t : ProblemType.values()) {
            assertThat(readme).as("README row for " + t.slug()).contains("| `" + t.slug() + "` | " + t.status() + " |");
        }
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
