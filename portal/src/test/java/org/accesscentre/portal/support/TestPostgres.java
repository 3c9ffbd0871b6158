package org.accesscentre.portal.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The PostgreSQL that CI starts ({@code .ci/run} exports {@code KIOSK_TEST_POSTGRES_URL}). Each user gets a
 * fresh schema, dropped afterwards. Without the variable the PostgreSQL suite is skipped on a developer's
 * machine, but when {@code CI} is set a missing PostgreSQL fails the run: it is never silently skipped there.
 */
public final class TestPostgres {
    public static final String URL_VARIABLE = "KIOSK_TEST_POSTGRES_URL";

    private TestPostgres() {}

    public static Optional<String> baseUrl() {
        String url = System.getenv(URL_VARIABLE);
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(url);
    }

    public static boolean requiredHere() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }

    /** A fresh schema; returns a URL whose connections use it. */
    public static String freshSchema(String baseUrl) throws SQLException {
        String schema = "t_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(baseUrl);
                Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static void dropSchema(String schemaUrl) throws SQLException {
        String schema = schemaUrl.substring(schemaUrl.indexOf("currentSchema=") + "currentSchema=".length());
        String base = schemaUrl.substring(0, schemaUrl.indexOf("currentSchema=") - 1);
        try (Connection c = DriverManager.getConnection(base);
                Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
