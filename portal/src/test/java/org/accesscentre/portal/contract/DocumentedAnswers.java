package org.accesscentre.portal.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.accesscentre.portal.support.Http;

/** Real answers from the portal checked against the OpenAPI document, and the routes they came from. */
final class DocumentedAnswers {
    private final OpenApiDocument doc;
    private final Set<String> called = new TreeSet<>();

    DocumentedAnswers(OpenApiDocument doc) {
        this.doc = doc;
    }

    /**
     * Checks a real answer against the document: the operation exists, lists this status, and the body has
     * the documented media type and, for JSON, exactly the promised fields; documented headers are present.
     */
    Http.Response check(String method, String template, Http.Response r, int expectedStatus) {
        String route = OpenApiDocument.key(method, template);
        assertEquals(expectedStatus, r.status(), () -> route + " answered " + r.status() + ": " + r.text());
        JsonNode op = doc.operation(method, template).orElseThrow(() -> new AssertionError(route + " is undocumented"));
        JsonNode response = op.path("responses").get(Integer.toString(r.status()));
        if (response == null) {
            fail(route + " answered " + r.status() + ", which the document does not list: " + r.text());
        }
        response = doc.deref(response);
        for (var header : response.path("headers").properties()) {
            assertTrue(
                    r.headers().firstValue(header.getKey()).isPresent(),
                    () -> route + " " + r.status() + " lacks the documented header " + header.getKey());
        }
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            assertEquals(0, r.body().length, () -> route + " " + r.status() + " has a body the document does not");
        } else if (content.has("application/json")) {
            assertTrue(contentType(r).startsWith("application/json"), () -> route + " is not JSON: " + contentType(r));
            JsonNode body = r.json();
            List<String> problems =
                    SchemaCheck.problems(doc, content.get("application/json").path("schema"), body);
            assertEquals(List.of(), problems, () -> route + " " + r.status() + " differs from the document: " + body);
        } else {
            String type = content.properties().iterator().next().getKey();
            assertTrue(
                    contentType(r).startsWith(type),
                    () -> route + " " + r.status() + " is " + contentType(r) + ", documented " + type);
        }
        if (r.status() == 401) {
            assertEquals("Bearer", r.headers().firstValue("WWW-Authenticate").orElse(null));
        }
        called.add(route);
        return r;
    }

    private static String contentType(Http.Response r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }

    /** Every route checked so far, as {@code "GET /path"}. */
    Set<String> called() {
        return Collections.unmodifiableSet(called);
    }
}
