package org.claimwire.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every Claimwire OpenAPI document promises a generated client (issue 16): a unique operationId on every
 * operation, a typed body on every success that has one, the RFC 7807 {@code Problem} schema on every error,
 * the {@code X-API-Key} security scheme, and enums for the closed vocabularies. {@link #violations} lists what
 * a document breaks, so a test can print all of it at once.
 */
public final class OpenApiContract {
    /** Parameter and property names whose values are a closed vocabulary. */
    public static final Set<String> ENUMERATED = Set.of("stance", "mode", "kind");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final List<String> FRAMEWORK_TYPES = List.of("OutboundSseEvent", "Multi", "Response", "JsonNode",
            "Object", "Map");

    private OpenApiContract() {
    }

    public static JsonNode parse(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an OpenAPI JSON document", e);
        }
    }

    /**
     * What the OpenAPI document the service under test serves ({@code GET /q/openapi?format=json}, through
     * RestAssured's configured port) breaks; empty when it keeps the contract.
     */
    public static List<String> violationsOfServedDocument() {
        String doc = io.restassured.RestAssured.given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().asString();
        return violations(parse(doc));
    }

    public static List<String> violations(JsonNode doc) {
        List<String> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode schemas = doc.path("components").path("schemas");
        checkProblemSchema(schemas, out);
        checkSecurityScheme(doc.path("components").path("securitySchemes"), out);
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                String id = op.getValue().path("operationId").asText("");
                if (id.isEmpty()) {
                    out.add(where + ": no operationId");
                } else if (!ids.add(id)) {
                    out.add(where + ": operationId " + id + " used twice");
                }
                checkParameters(where, op.getValue().path("parameters"), schemas, out);
                checkResponses(where, op.getValue().path("responses"), schemas, out);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schemas.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> s = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> props = s.getValue().path("properties").fields(); props.hasNext(); ) {
                Map.Entry<String, JsonNode> p = props.next();
                if (ENUMERATED.contains(p.getKey()) && !isEnum(p.getValue(), schemas)) {
                    out.add("schema " + s.getKey() + "." + p.getKey() + ": no enum");
                }
            }
        }
        return out;
    }

    private static void checkProblemSchema(JsonNode schemas, List<String> out) {
        JsonNode problem = schemas.path("Problem");
        for (String field : List.of("type", "title", "status", "detail", "instance")) {
            if (problem.path("properties").path(field).isMissingNode()) {
                out.add("schema Problem: no property " + field);
            }
        }
    }

    private static void checkSecurityScheme(JsonNode schemes, List<String> out) {
        for (JsonNode s : schemes) {
            if ("apiKey".equals(s.path("type").asText()) && "header".equals(s.path("in").asText())
                    && "X-API-Key".equals(s.path("name").asText())) {
                return;
            }
        }
        out.add("no apiKey security scheme in header X-API-Key");
    }

    private static void checkParameters(String where, JsonNode params, JsonNode schemas, List<String> out) {
        for (JsonNode p : params) {
            if (ENUMERATED.contains(p.path("name").asText()) && !isEnum(p.path("schema"), schemas)) {
                out.add(where + ": parameter " + p.path("name").asText() + " has no enum");
            }
        }
    }

    private static void checkResponses(String where, JsonNode responses, JsonNode schemas, List<String> out) {
        if (responses.isEmpty()) {
            out.add(where + ": no responses");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            String code = r.getKey();
            JsonNode content = r.getValue().path("content");
            if (code.startsWith("4") || code.startsWith("5") || code.equals("default")) {
                String ref = content.path("application/problem+json").path("schema").path("$ref").asText("");
                if (!ref.endsWith("/Problem")) {
                    out.add(where + " " + code + ": not application/problem+json Problem");
                }
            } else if (code.startsWith("2")) {
                for (Iterator<Map.Entry<String, JsonNode>> media = content.fields(); media.hasNext(); ) {
                    Map.Entry<String, JsonNode> m = media.next();
                    String problem = untyped(m.getValue().path("schema"), schemas);
                    if (problem != null) {
                        out.add(where + " " + code + " " + m.getKey() + ": " + problem);
                    }
                }
            }
        }
    }

    /** Why a success schema tells a client nothing, or null when it is typed. */
    private static String untyped(JsonNode schema, JsonNode schemas) {
        if (schema.isMissingNode() || schema.isEmpty()) {
            return "no schema ({})";
        }
        String ref = schema.path("$ref").asText("");
        if (!ref.isEmpty()) {
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            if (FRAMEWORK_TYPES.contains(name)) {
                return "typed as the framework class " + name;
            }
            return schemas.has(name) ? null : "dangling $ref " + ref;
        }
        if (schema.has("items")) {
            return untyped(schema.get("items"), schemas);
        }
        if (schema.has("type") || schema.has("oneOf") || schema.has("anyOf") || schema.has("allOf")) {
            return "object".equals(schema.path("type").asText()) && !schema.has("properties")
                    && !schema.has("additionalProperties") ? "an object without properties" : null;
        }
        return "no type";
    }

    private static boolean isEnum(JsonNode schema, JsonNode schemas) {
        if (schema.has("enum")) {
            return true;
        }
        String ref = schema.path("$ref").asText("");
        if (!ref.isEmpty()) {
            return schemas.path(ref.substring(ref.lastIndexOf('/') + 1)).has("enum");
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            for (JsonNode part : schema.path(combinator)) {
                if (isEnum(part, schemas)) {
                    return true;
                }
            }
        }
        return schema.has("items") && isEnum(schema.get("items"), schemas);
    }
}
