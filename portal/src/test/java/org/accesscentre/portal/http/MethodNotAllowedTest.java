package org.accesscentre.portal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.accesscentre.portal.support.Http;
import org.accesscentre.portal.support.TestPortal;
import org.accesscentre.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A route that exists answers another method with 405, not "no such route"; a path that does not, with 404. */
class MethodNotAllowedTest {
    @Test
    void aKnownPathWithTheWrongMethodIs405AndAnUnknownPathIs404(@TempDir Path dir) throws Exception {
        try (TestPortal portal =
                TestPortal.start(TestPortal.Db.SQLITE, dir, new TestClock(Instant.parse("2026-11-23T10:00:00Z")))) {
            Http.Response wrong = portal.http.call("DELETE", "/api/v1/health", null, Map.of(), null);
            assertEquals(405, wrong.status(), wrong.text());
            assertEquals("method_not_allowed", wrong.json().get("code").asText());
            assertEquals("GET", wrong.headers().firstValue("Allow").orElse("(none)"));

            Http.Response get = portal.http.call("GET", "/api/v1/device/batches", null, Map.of(), null);
            assertEquals(405, get.status(), "batches are posted: " + get.text());
            assertEquals("POST", get.headers().firstValue("Allow").orElse("(none)"));
            assertEquals(
                    "this route does not take that method; it takes POST",
                    get.json().get("message").asText());

            Http.Response none = portal.http.call("GET", "/api/v1/no-such-thing", null, Map.of(), null);
            assertEquals(404, none.status(), none.text());
            assertEquals("not_found", none.json().get("code").asText());
        }
    }
}
