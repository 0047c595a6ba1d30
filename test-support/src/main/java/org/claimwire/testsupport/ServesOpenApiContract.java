package org.claimwire.testsupport;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Implemented by each service's API test ({@code @QuarkusTest}): the OpenAPI document the service serves keeps
 * {@link OpenApiContract}. One home for the check, so every service runs the same one.
 */
public interface ServesOpenApiContract {

    @Test
    default void openApiKeepsTheContract() {
        List<String> violations = OpenApiContract.violationsOfServedDocument();
        if (!violations.isEmpty()) {
            throw new AssertionError("the served OpenAPI document breaks the contract:\n  "
                    + String.join("\n  ", violations));
        }
    }
}
