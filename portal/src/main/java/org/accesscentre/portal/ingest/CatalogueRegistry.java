package org.accesscentre.portal.ingest;

import java.io.ByteArrayInputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.accesscentre.core.catalogue.Catalogue;
import org.accesscentre.core.catalogue.CatalogueReader;
import org.accesscentre.core.catalogue.DemoCatalogue;
import org.accesscentre.core.json.JsonInputException;
import org.accesscentre.portal.db.Database;

/**
 * Every catalogue version a kiosk may have used: each one published, and the kiosks' built-in demo
 * catalogue. A published version never changes, so parsed catalogues are kept in memory: a cache of what
 * the database holds, which a second portal instance builds for itself.
 */
public final class CatalogueRegistry {
    private final Database db;
    private final ConcurrentHashMap<Long, Catalogue> parsed = new ConcurrentHashMap<>();
    private final Catalogue builtIn = DemoCatalogue.load();

    public CatalogueRegistry(Database db) {
        this.db = db;
    }

    public Optional<Catalogue> version(long version) throws SQLException {
        Catalogue cached = parsed.get(version);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<byte[]> json = db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT content FROM catalogue WHERE version = ?")) {
                st.setLong(1, version);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
        if (json.isEmpty()) {
            // Not cached when missing: it may be published in a moment.
            return version == builtIn.version() ? Optional.of(builtIn) : Optional.empty();
        }
        try {
            Catalogue catalogue =
                    CatalogueReader.lenient().read(new ByteArrayInputStream(json.get()), "catalogue " + version);
            parsed.put(version, catalogue);
            return Optional.of(catalogue);
        } catch (JsonInputException e) {
            throw new IllegalStateException("a published catalogue no longer reads: " + e.getMessage(), e);
        }
    }

    /** The newest published catalogue, or the built-in one when none is. */
    public Catalogue current() throws SQLException {
        long newest = db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT COALESCE(MAX(version), 0) FROM catalogue");
                    ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        return newest == 0 ? builtIn : version(newest).orElse(builtIn);
    }
}
