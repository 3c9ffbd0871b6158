package org.accesscentre.portal.bundles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import org.accesscentre.core.catalogue.CatalogueReader;
import org.accesscentre.core.json.JsonInputException;
import org.accesscentre.device.bundle.BundleException;
import org.accesscentre.device.bundle.BundleKind;
import org.accesscentre.device.bundle.BundleVerifier;
import org.accesscentre.device.bundle.Manifest;
import org.accesscentre.device.bundle.ReleaseInfo;
import org.accesscentre.device.bundle.ReleaseLayout;
import org.accesscentre.device.bundle.VerifiedBundle;
import org.accesscentre.portal.http.ApiException;
import org.jspecify.annotations.Nullable;

/**
 * What the portal checks of a bundle before it publishes one, as a kiosk would before using it: the signature
 * by a trusted key and every file's hash; a catalogue's own version; a release's layout and its release.json
 * (whose minimums a rollout needs). A bundle that fails any of it is {@code 400 invalid_bundle}.
 */
final class PublishCheck {
    private PublishCheck() {}

    /**
     * A bundle that passed.
     *
     * @param catalogueJson a catalogue's catalogue.json, which the portal keeps beside the bundle
     * @param release a release's release.json
     */
    record Verified(
            BundleKind kind,
            Manifest manifest,
            String signedBy,
            byte @Nullable [] catalogueJson,
            @Nullable ReleaseInfo release) {
        long minCatalogueVersion() {
            return release == null ? 0 : release.minCatalogueVersion();
        }

        long minConfigVersion() {
            return release == null ? 0 : release.minConfigVersion();
        }
    }

    static Verified verify(byte[] bytes, List<PublicKey> trusted, Path scratch) {
        Path file = null;
        try {
            Files.createDirectories(scratch);
            file = Files.createTempFile(scratch, "publish-", ".bundle");
            Files.write(file, bytes);
            VerifiedBundle bundle = new BundleVerifier(trusted).verify(file, 0);
            BundleKind kind = bundle.manifest().kind();
            byte[] catalogue = null;
            ReleaseInfo release = null;
            if (kind == BundleKind.CATALOGUE) {
                catalogue = bundle.read("catalogue.json");
                long inside = CatalogueReader.lenient()
                        .read(new ByteArrayInputStream(catalogue), "catalogue.json")
                        .version();
                if (inside != bundle.manifest().version()) {
                    throw ApiException.badRequest(
                            "invalid_bundle",
                            "catalogue.json says version " + inside + " but the bundle is version "
                                    + bundle.manifest().version());
                }
            } else if (kind == BundleKind.RELEASE) {
                // The layout a kiosk could unpack and start, and a release.json naming the bundle's version.
                release = ReleaseLayout.check(bundle);
            }
            return new Verified(kind, bundle.manifest(), bundle.signedBy(), catalogue, release);
        } catch (BundleException e) {
            throw ApiException.badRequest("invalid_bundle", e.getMessage());
        } catch (JsonInputException e) {
            throw ApiException.badRequest("invalid_bundle", e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("cannot use the scratch directory " + scratch + ": " + e.getMessage(), e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a scratch file left behind is removed at the next start
                }
            }
        }
    }
}
