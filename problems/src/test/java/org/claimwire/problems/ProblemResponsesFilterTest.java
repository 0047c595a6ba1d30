package org.claimwire.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

class ProblemResponsesFilterTest {

    @Test
    void everyErrorResponseIsProblemJsonAndTheUsualOnesAreThere() {
        Operation get = OASFactory.createOperation().operationId("getThing")
                .addParameter(OASFactory.createParameter().name("id").in(Parameter.In.PATH))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("the thing"))
                        .addAPIResponse("410", OASFactory.createAPIResponse().description("withdrawn")));
        Operation list = OASFactory.createOperation().operationId("listThings");
        OpenAPI api = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/things/{id}", OASFactory.createPathItem().GET(get))
                .addPathItem("/things", OASFactory.createPathItem().GET(list)));

        new ProblemResponsesFilter().filterOpenAPI(api);

        assertThat(get.getResponses().getAPIResponses()).containsKeys("200", "400", "404", "410", "500", "default");
        assertThat(get.getResponses().getAPIResponse("410").getDescription()).isEqualTo("withdrawn");
        assertThat(list.getResponses().getAPIResponses()).containsOnlyKeys("500", "default");
        for (Operation op : List.of(get, list)) {
            op.getResponses().getAPIResponses().forEach((code, r) -> {
                if (ProblemResponsesFilter.isError(code)) {
                    assertThat(problemRef(r)).as(op.getOperationId() + " " + code).isEqualTo("#/components/schemas/Problem");
                } else {
                    assertThat(r.getContent()).as(code).isNull();
                }
            });
        }
    }

    @Test
    void theSchemaHasTheRecordsFieldsAndRequiresWhatIsAlwaysSent() {
        OpenAPI api = OASFactory.createOpenAPI();
        new ProblemResponsesFilter().filterOpenAPI(api);
        var schema = api.getComponents().getSchemas().get("Problem");
        List<String> recordFields = Arrays.stream(Problem.class.getRecordComponents()).map(c -> c.getName()).toList();
        assertThat(schema.getProperties()).containsOnlyKeys(recordFields.toArray(String[]::new));
        assertThat(schema.getRequired()).containsExactly("type", "title", "status");
    }

    private static String problemRef(APIResponse r) {
        return r.getContent().getMediaType("application/problem+json").getSchema().getRef();
    }
}
