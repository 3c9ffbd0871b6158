package org.accesscentre.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.accesscentre.core.keys.KeyFormatException;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.portal.Bootstrap;
import org.accesscentre.portal.Portal;
import org.accesscentre.portal.PortalException;
import org.accesscentre.portal.PortalSettings;
import org.jspecify.annotations.Nullable;

/**
 * A real portal in this process, as an operator would run it: bootstrapped in a data directory, on SQLite
 * there or on a fresh schema of a PostgreSQL database (dropped on close), listening on a random loopback
 * port. Everything the benchmark does to it goes through its HTTP API.
 */
final class BenchPortal implements AutoCloseable {
    final Portal portal;
    final BenchHttp http;
    final Path dataDir;
    private final String admin;
    private final @Nullable String schemaUrl;

    private BenchPortal(Portal portal, Path dataDir, String admin, @Nullable String schemaUrl) {
        this.portal = portal;
        this.dataDir = dataDir;
        this.http = new BenchHttp(portal.url());
        this.admin = admin;
        this.schemaUrl = schemaUrl;
    }

    /** @param postgresUrl a {@code jdbc:postgresql:} URL for PostgreSQL, or null for SQLite */
    static BenchPortal start(Path dataDir, @Nullable String postgresUrl, Clock clock)
            throws PortalException, SQLException {
        String schemaUrl = postgresUrl == null ? null : freshSchema(postgresUrl);
        try {
            PortalSettings settings =
                    PortalSettings.defaults(dataDir).withDatabase(schemaUrl).withAddress("127.0.0.1", 0);
            Bootstrap.Result boot = Bootstrap.run(settings, List.of(), clock);
            Portal portal = Portal.start(settings, clock);
            return new BenchPortal(portal, dataDir, Objects.requireNonNull(boot.adminToken()), schemaUrl);
        } catch (PortalException | RuntimeException e) {
            if (schemaUrl != null) {
                dropSchema(schemaUrl);
            }
            throw e;
        }
    }

    /** The ICT office's admin token, as bootstrap printed it. */
    String adminToken() {
        return admin;
    }

    /** A one-time enrolment code for a slot, made through the admin API. */
    String enrolmentCode(String centre, int kiosk) {
        JsonNode r = http.postJson("/api/v1/admin/enrolment-codes", admin, Map.of("centre", centre, "kiosk", kiosk))
                .expect(201, "POST /api/v1/admin/enrolment-codes")
                .as(JsonNode.class);
        return r.get("code").asText();
    }

    /** The envelope key kiosks seal to, as the admin API publishes it. */
    PublicKey envelopeKey() throws KeyFormatException {
        JsonNode r = http.get("/api/v1/admin/envelope-key", admin)
                .expect(200, "GET /api/v1/admin/envelope-key")
                .as(JsonNode.class);
        return Keys.publicFromBase64(r.get("publicKey").asText(), Keys.X25519);
    }

    /**
     * Requests the portal has answered, from its own metrics: every device and admin route, all statuses,
     * but not the scrapes of the metrics themselves.
     */
    long requestsAnswered() {
        String text = http.get("/metrics", admin).expect(200, "GET /metrics").text();
        double total = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("portal_http_requests_seconds_count{") && !line.contains("route=\"/metrics\"")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Math.round(total);
    }

    @Override
    public void close() throws SQLException {
        portal.close();
        if (schemaUrl != null) {
            dropSchema(schemaUrl);
        }
    }

    private static String freshSchema(String baseUrl) throws SQLException {
        String schema = "bench_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(baseUrl);
                Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema); // a generated name: nothing from outside goes into the SQL
        }
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void dropSchema(String schemaUrl) throws SQLException {
        int at = schemaUrl.lastIndexOf("currentSchema=");
        String schema = schemaUrl.substring(at + "currentSchema=".length());
        try (Connection c = DriverManager.getConnection(schemaUrl.substring(0, at - 1));
                Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
