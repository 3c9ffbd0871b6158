package org.accesscentre.portal.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.accesscentre.core.keys.KeyFormatException;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.portal.Bootstrap;
import org.accesscentre.portal.Portal;
import org.accesscentre.portal.PortalSettings;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * A real portal for end-to-end tests: bootstrapped in a temporary data directory, on SQLite or on
 * PostgreSQL, listening on a random loopback port, with a signing key the tests can sign bundles with.
 */
public final class TestPortal implements AutoCloseable {
    public enum Db {
        SQLITE,
        POSTGRESQL
    }

    public Portal portal;
    public final Http http;
    public final String admin;
    public final KeyPair signing;
    private final @Nullable String schemaUrl;
    private final PortalSettings settings;
    private final Clock clock;

    private TestPortal(
            Portal portal,
            String admin,
            KeyPair signing,
            @Nullable String schemaUrl,
            PortalSettings settings,
            Clock clock) {
        this.portal = portal;
        this.settings = settings;
        this.clock = clock;
        this.http = new Http(portal.url());
        this.admin = admin;
        this.signing = signing;
        this.schemaUrl = schemaUrl;
    }

    public static TestPortal start(Db db, Path dir, Clock clock) throws Exception {
        String url = null;
        if (db == Db.POSTGRESQL) {
            var base = TestPostgres.baseUrl();
            if (base.isEmpty()) {
                if (TestPostgres.requiredHere()) {
                    fail("CI is set but " + TestPostgres.URL_VARIABLE + " is not: .ci/run must start PostgreSQL");
                }
                Assumptions.abort("no PostgreSQL here (" + TestPostgres.URL_VARIABLE + " unset)");
            }
            url = TestPostgres.freshSchema(base.get());
        }
        KeyPair signing = Keys.generate(Keys.ED25519);
        Path pub = dir.resolve("signing.pub");
        Keys.writePublic(pub, signing.getPublic());
        PortalSettings settings =
                PortalSettings.defaults(dir.resolve("data")).withDatabase(url).withAddress("127.0.0.1", 0);
        Bootstrap.Result boot = Bootstrap.run(settings, List.of(pub), clock);
        Portal portal = Portal.start(settings, clock);
        return new TestPortal(portal, boot.adminToken(), signing, url, settings, clock);
    }

    /** Stops the portal and starts a new one on the same database, data directory and port. */
    public void restart() throws Exception {
        int port = portal.port();
        portal.close();
        portal = Portal.start(settings.withAddress("127.0.0.1", port), clock);
    }

    public PublicKey envelopeKey() {
        try {
            return Keys.publicFromBase64(portal.services().envelopeKey().publicKey(), Keys.X25519);
        } catch (KeyFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new person token with a role, made through the admin API. */
    public String token(String role, @Nullable String agency) {
        Map<String, Object> body = agency == null
                ? Map.of("name", role + " in a test", "role", role)
                : Map.of("name", role + " in a test", "role", role, "agency", agency);
        Http.Response r = http.postJson("/api/v1/admin/tokens", admin, body);
        assertEquals(201, r.status(), r.text());
        return r.json().get("token").asText();
    }

    /** A new enrolment code for a slot, made through the admin API. */
    public String enrolmentCode(String centre, int kiosk) {
        Http.Response r =
                http.postJson("/api/v1/admin/enrolment-codes", admin, Map.of("centre", centre, "kiosk", kiosk));
        assertEquals(201, r.status(), r.text());
        return r.json().get("code").asText();
    }

    /** A number straight from the portal's database, to check what HTTP answers cannot show. */
    public long count(String sql, Object... params) {
        try {
            return portal.services().database().read(c -> {
                try (PreparedStatement st = c.prepareStatement(sql)) {
                    for (int i = 0; i < params.length; i++) {
                        st.setObject(i + 1, params[i]);
                    }
                    try (ResultSet rs = st.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            });
        } catch (SQLException e) {
            throw new AssertionError("the check query failed: " + sql, e);
        }
    }

    /** Publishes a bundle file through the admin API for a target (all, centre:SOU, device:dev_…). */
    public Http.Response publish(byte[] bundle, String target) {
        return http.post("/api/v1/admin/bundles?target=" + target, admin, "application/zip", bundle, false);
    }

    public JsonNode txStats() {
        Http.Response r = http.get("/api/v1/admin/stats/transactions", admin);
        assertEquals(200, r.status(), r.text());
        return r.json();
    }

    @Override
    public void close() throws java.sql.SQLException {
        portal.close();
        if (schemaUrl != null) {
            TestPostgres.dropSchema(schemaUrl);
        }
    }
}
