package org.accesscentre.portal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.accesscentre.portal.support.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V4 (release rollouts) from a V3 database with a release bundle and a running rollout in it: both are kept,
 * the bundle needs no catalogue or configuration, and the rollout is no rollback.
 */
class ReleaseRolloutsMigrationTest {
    @Test
    void sqliteKeepsBundlesAndRolloutsFromV3(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("portal.db");
        String url = "jdbc:sqlite:" + file;
        migrateToV3(url, "sqlite");
        try (Connection c = DriverManager.getConnection(url)) {
            insertV3Data(c);
        }
        try (Database db = Database.sqlite(file)) {
            db.read(ReleaseRolloutsMigrationTest::check);
        }
    }

    @Test
    void postgresqlKeepsBundlesAndRolloutsFromV3() throws Exception {
        String base = TestPostgres.baseUrl().orElse(null);
        Assumptions.assumeTrue(base != null, "no PostgreSQL here (" + TestPostgres.URL_VARIABLE + " unset)");
        String url = TestPostgres.freshSchema(base);
        try {
            migrateToV3(url, "postgresql");
            try (Connection c = DriverManager.getConnection(url)) {
                insertV3Data(c);
            }
            try (Database db = Database.postgresql(url)) {
                db.read(ReleaseRolloutsMigrationTest::check);
            }
        } finally {
            TestPostgres.dropSchema(url);
        }
    }

    private static void migrateToV3(String url, String folder) {
        Flyway.configure(Database.class.getClassLoader())
                .dataSource(url, null, null)
                .locations("classpath:db/portal/" + folder)
                .target("3")
                .load()
                .migrate();
    }

    private static void insertV3Data(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO bundle (kind, version, target, min_app_version, sha256, size, content, signed_by,
                    published_at, published_by)
                VALUES ('release', 7, 'all', 0, ?, 3, ?, 'key', 1, 'tk_admin')
                """)) {
            st.setString(1, "0".repeat(64));
            st.setBytes(2, new byte[] {1, 2, 3});
            st.executeUpdate();
        }
        try (Statement st = c.createStatement()) {
            st.executeUpdate("""
                    INSERT INTO rollout (kind, bundle_id, first_bundle_id, target, overdue_after_ms, state,
                        current_wave, created_at, created_by, updated_at)
                    SELECT 'release', id, id, '{"all":true}', 60000, 'running', 0, 1, 'tk_admin', 1 FROM bundle
                    """);
        }
    }

    private static Void check(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("""
                        SELECT b.version, b.min_catalogue_version, b.min_config_version, r.state, r.rollback_order,
                            r.rollback_reason
                        FROM rollout r JOIN bundle b ON b.id = r.bundle_id
                        """)) {
            rs.next();
            assertEquals(7, rs.getLong(1));
            assertEquals(0, rs.getLong(2));
            assertEquals(0, rs.getLong(3));
            assertEquals("running", rs.getString(4));
            assertNull(rs.getString(5));
            assertNull(rs.getString(6));
        }
        return null;
    }
}
