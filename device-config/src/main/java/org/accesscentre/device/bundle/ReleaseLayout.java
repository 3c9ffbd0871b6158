package org.accesscentre.device.bundle;

import static org.accesscentre.device.bundle.BundleException.Reason.INCOMPATIBLE;
import static org.accesscentre.device.bundle.BundleException.Reason.WRONG_KIND;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accesscentre.core.json.JsonInputException;

/**
 * What a release bundle holds, and nothing else:
 *
 * <pre>
 * release.json                 what the release needs ({@link ReleaseInfo})
 * kiosk-app/kiosk-app.jar      the module's own jar
 * kiosk-app/lib/*.jar          its libraries, at least one
 * sync-daemon/sync-daemon.jar
 * sync-daemon/lib/*.jar
 * </pre>
 *
 * kioskctl checks it before it builds, and a kiosk checks it again after verifying the signature and before
 * unpacking: a release that a kiosk could not start is refused, with the path at fault in the message.
 */
public final class ReleaseLayout {
    public static final List<String> MODULES = List.of("kiosk-app", "sync-daemon");

    /** The smallest jar is an empty ZIP: its 22-byte end record. */
    public static final long MIN_JAR_BYTES = 22;

    /** Our largest library (JavaFX's graphics jar for one platform) is about 10 MB. */
    public static final long MAX_JAR_BYTES = 64L << 20;

    public static final int MAX_LIBRARIES = 1_000;

    /** One file of a release: its path in the bundle and its size. */
    public record Item(String path, long size) {}

    private ReleaseLayout() {}

    /** The first thing wrong with a release's file list, as one line, or empty if the layout is right. */
    public static Optional<String> problem(List<Item> items) {
        Map<String, Integer> libraries = new LinkedHashMap<>();
        List<String> jars = new ArrayList<>();
        boolean releaseJson = false;
        for (Item item : items) {
            String path = item.path();
            if (path.equals(ReleaseInfo.FILE)) {
                if (item.size() > ReleaseInfo.MAX_BYTES) {
                    return Optional.of(
                            "release.json is " + item.size() + " bytes; the limit is " + ReleaseInfo.MAX_BYTES);
                }
                releaseJson = true;
                continue;
            }
            int slash = path.indexOf('/');
            String top = slash < 0 ? path : path.substring(0, slash);
            if (slash < 0 || !MODULES.contains(top)) {
                return Optional.of("'" + top + (slash < 0 ? "" : "/") + "' is not part of a release: it holds only "
                        + "release.json, kiosk-app/ and sync-daemon/");
            }
            String rest = path.substring(slash + 1);
            boolean moduleJar = rest.equals(top + ".jar");
            boolean library = rest.startsWith("lib/") && rest.endsWith(".jar") && rest.indexOf('/', 4) < 0;
            if (!moduleJar && !library) {
                return Optional.of(
                        "'" + path + "' is not allowed: " + top + "/ holds only " + top + ".jar and lib/*.jar");
            }
            if (item.size() < MIN_JAR_BYTES || item.size() > MAX_JAR_BYTES) {
                return Optional.of("'" + path + "' is " + item.size() + " bytes; a jar is " + MIN_JAR_BYTES + " to "
                        + MAX_JAR_BYTES + " bytes");
            }
            if (moduleJar) {
                jars.add(top);
            } else {
                libraries.merge(top, 1, Integer::sum);
            }
        }
        if (!releaseJson) {
            return Optional.of("release.json is missing");
        }
        for (String module : MODULES) {
            if (!jars.contains(module)) {
                return Optional.of(module + "/" + module + ".jar is missing");
            }
            int count = libraries.getOrDefault(module, 0);
            if (count == 0) {
                return Optional.of(module + "/lib/ has no jars");
            }
            if (count > MAX_LIBRARIES) {
                return Optional.of(module + "/lib/ has " + count + " jars; the limit is " + MAX_LIBRARIES);
            }
        }
        return Optional.empty();
    }

    /**
     * Checks a verified bundle is a release a kiosk can unpack: its kind, its layout, and a release.json
     * that reads and names the bundle's own version.
     *
     * @throws BundleException refusing it, with {@link BundleException.Reason#WRONG_KIND} for a bundle of
     *     another kind and {@link BundleException.Reason#INCOMPATIBLE} for a release that does not fit
     */
    public static ReleaseInfo check(VerifiedBundle bundle) throws IOException, BundleException {
        Manifest manifest = bundle.manifest();
        if (manifest.kind() != BundleKind.RELEASE) {
            throw BundleException.refused(WRONG_KIND, "this is a " + manifest.kind() + " bundle, not a release bundle");
        }
        List<Item> items =
                manifest.files().stream().map(f -> new Item(f.path(), f.size())).toList();
        Optional<String> problem = problem(items);
        if (problem.isPresent()) {
            throw BundleException.refused(INCOMPATIBLE, "not a release layout: " + problem.get());
        }
        ReleaseInfo info;
        try {
            info = ReleaseInfo.read(bundle.read(ReleaseInfo.FILE), false);
        } catch (JsonInputException e) {
            throw BundleException.refused(INCOMPATIBLE, e.getMessage());
        }
        if (info.version() != manifest.version()) {
            throw BundleException.refused(
                    INCOMPATIBLE,
                    "release.json says version " + info.version() + " but the bundle is version " + manifest.version());
        }
        return info;
    }
}
