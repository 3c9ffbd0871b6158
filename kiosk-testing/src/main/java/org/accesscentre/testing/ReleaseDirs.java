package org.accesscentre.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Input directories of software releases, as {@code kioskctl bundle release-dir} lays them out: release.json
 * and, for kiosk-app and sync-daemon, the module's jar and two libraries. The jars are small stand-ins whose
 * bytes name the version, so two releases differ in every jar. release.json is spelt out by hand here, on
 * purpose: a test fixture that shared the production writer would not notice a change in the format.
 */
public final class ReleaseDirs {
    private ReleaseDirs() {}

    /** A valid release directory for {@code version}, needing nothing of the kiosk. */
    public static Path write(Path dir, long version) throws IOException {
        return write(dir, version, 0, 0, 0);
    }

    public static Path write(Path dir, long version, long minCatalogue, long minConfig, long minStore)
            throws IOException {
        Files.createDirectories(dir);
        Files.writeString(
                dir.resolve("release.json"),
                releaseJson(version, minCatalogue, minConfig, minStore, "Release " + version + ".\nSafer updates."));
        for (String module : new String[] {"kiosk-app", "sync-daemon"}) {
            Path lib = Files.createDirectories(dir.resolve(module).resolve("lib"));
            jar(dir.resolve(module).resolve(module + ".jar"), module + " " + version);
            jar(lib.resolve("alpha-1.0.jar"), "alpha for " + module + " " + version);
            jar(lib.resolve("beta-2.1.jar"), "beta for " + module + " " + version);
        }
        return dir;
    }

    /** The version a release directory's release.json names. */
    public static long version(Path dir) throws IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"version\"\\s*:\\s*(\\d+)")
                .matcher(Files.readString(dir.resolve("release.json")));
        if (!m.find()) {
            throw new IOException(dir.resolve("release.json") + " names no version");
        }
        return Long.parseLong(m.group(1));
    }

    public static String releaseJson(long version, long minCatalogue, long minConfig, long minStore, String notes) {
        return "{\n  \"format\": 1,\n  \"version\": " + version + ",\n  \"minCatalogueVersion\": " + minCatalogue
                + ",\n  \"minConfigVersion\": " + minConfig + ",\n  \"minStoreVersion\": " + minStore
                + ",\n  \"notes\": \"" + notes.replace("\n", "\\n") + "\"\n}\n";
    }

    /** A stand-in jar: the local header signature, then text, padded past the smallest real jar's size. */
    public static void jar(Path file, String text) throws IOException {
        Files.write(file, ("PK\u0003\u0004 " + text + " ".repeat(64)).getBytes(StandardCharsets.ISO_8859_1));
    }
}
