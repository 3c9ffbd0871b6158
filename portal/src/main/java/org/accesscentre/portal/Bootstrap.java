package org.accesscentre.portal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.accesscentre.core.keys.KeyFormatException;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.portal.bundles.Bundles;
import org.accesscentre.portal.db.Database;
import org.accesscentre.portal.security.ApiTokens;
import org.accesscentre.portal.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * Prepares a data directory: the envelope key pair (made here, never shipped), the database schema, the
 * ICT office's signing keys to trust, and the first ICT-admin token, printed once. Running it again makes no
 * second admin and changes no key; it only adds keys to trust.
 */
public final class Bootstrap {
    private Bootstrap() {}

    /** @param adminToken the new admin token, or null when one existed already */
    public record Result(
            @Nullable String adminToken,
            boolean keysMade,
            String envelopeKeyId,
            String envelopePublicKey,
            List<String> trusted) {}

    public static Result run(PortalSettings settings, List<Path> trust, Clock clock) throws PortalException {
        try {
            boolean made = PortalKeys.createIfAbsent(settings.dataDir());
            PortalKeys keys = PortalKeys.load(settings.dataDir());
            List<PublicKey> toTrust = new ArrayList<>();
            for (Path file : trust) {
                toTrust.add(Keys.readPublic(file, Keys.ED25519));
            }
            try (Database db = Portal.openDatabase(settings)) {
                Bundles bundles = new Bundles(db, settings.dataDir().resolve("scratch"), clock);
                List<String> trusted = new ArrayList<>();
                for (PublicKey key : toTrust) {
                    trusted.add(bundles.addSigningKey(Keys.toBase64(key), "added at bootstrap", "bootstrap")
                            .keyId());
                }
                ApiTokens tokens = new ApiTokens(db, clock);
                String token = tokens.anyAdmin()
                        ? null
                        : tokens.create("first ICT admin", Role.ICT_ADMIN, null, null, "bootstrap")
                                .token();
                PublicKey envelope = keys.current().getPublic();
                return new Result(token, made, Keys.keyId(envelope), Keys.toBase64(envelope), trusted);
            }
        } catch (IOException | KeyFormatException e) {
            throw new PortalException(e.getMessage(), e);
        } catch (SQLException e) {
            throw new PortalException("the database refused: " + e.getMessage(), e);
        }
    }
}
