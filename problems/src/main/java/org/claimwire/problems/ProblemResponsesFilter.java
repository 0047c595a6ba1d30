package org.claimwire.problems;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Puts the RFC 7807 {@code Problem} schema on every error response of a service's OpenAPI document, so that a
 * generated client can read the errors every operation can answer with. Each operation gets the errors the
 * shared mappers can raise (400 when it takes input, 404 when it names a resource, 500 always) and a
 * {@code default} for the rest; errors a resource declares itself keep their description and get the schema.
 * Registered with {@code mp.openapi.filter=org.claimwire.problems.ProblemResponsesFilter}.
 */
public class ProblemResponsesFilter implements OASFilter {
    static final String REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        Components components = api.getComponents();
        components.addSchema("Problem", problemSchema()); // also over one scanned from the record: one definition
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : api.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> e : item.getOperations().entrySet()) {
                addProblems(e.getValue(), item.getParameters());
            }
        }
    }

    static void addProblems(Operation op, List<Parameter> pathLevel) {
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = op.getResponses();
        boolean takesInput = op.getRequestBody() != null || !params(op, pathLevel).isEmpty();
        boolean namesResource = params(op, pathLevel).stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
        if (takesInput) {
            ensure(responses, "400", "The request cannot be used (a parameter, header or body); the detail says which");
        }
        if (namesResource) {
            ensure(responses, "404", "No such resource");
        }
        ensure(responses, "500", "A fault of the service; the details are in its log");
        ensure(responses, APIResponses.DEFAULT, "Any other error, as RFC 7807 problem details");
        for (Map.Entry<String, APIResponse> r : responses.getAPIResponses().entrySet()) {
            if (isError(r.getKey()) && r.getValue().getRef() == null) {
                r.getValue().setContent(problemContent());
            }
        }
    }

    private static List<Parameter> params(Operation op, List<Parameter> pathLevel) {
        List<Parameter> all = new java.util.ArrayList<>();
        if (pathLevel != null) {
            all.addAll(pathLevel);
        }
        if (op.getParameters() != null) {
            all.addAll(op.getParameters());
        }
        return all;
    }

    private static void ensure(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    static boolean isError(String code) {
        return code.equals(APIResponses.DEFAULT) || code.startsWith("4") || code.startsWith("5");
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF)));
    }

    static Schema problemSchema() {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 7807 problem details (application/problem+json); the types are listed in the "
                        + "problems module's README")
                .required(List.of("type", "title", "status"))
                .addProperty("type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("URI naming the kind of problem, under " + ProblemType.BASE + ", or about:blank"))
                .addProperty("title", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("Short summary of the problem type; the same for every occurrence"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                        .format("int32").description("The HTTP status code"))
                .addProperty("detail", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("What was wrong with this request"))
                .addProperty("instance", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("The request path"));
    }
}
