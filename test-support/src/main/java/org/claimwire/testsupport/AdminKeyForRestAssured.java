package org.claimwire.testsupport;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code @ExtendWith(AdminKeyForRestAssured.class)}: every RestAssured request of the test carries the tests'
 * bootstrap admin key ({@link TestKeys#BOOTSTRAP_ADMIN}) unless it sends {@code X-API-Key} itself — for tests
 * about something else than keys (each service's AuthMatrixTest covers the refusals).
 */
public class AdminKeyForRestAssured implements BeforeEachCallback, AfterEachCallback {
    static final Filter ADD_KEY = (request, response, ctx) -> {
        if (!request.getHeaders().hasHeaderWithName("X-API-Key")) {
            request.header("X-API-Key", TestKeys.BOOTSTRAP_ADMIN);
        }
        return ctx.next(request, response);
    };

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!RestAssured.filters().contains(ADD_KEY)) {
            RestAssured.filters(ADD_KEY);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<Filter> others = new ArrayList<>(RestAssured.filters());
        others.remove(ADD_KEY);
        RestAssured.replaceFiltersWith(others);
    }
}
