package org.accesscentre.device.bundle;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The paths of files inside a bundle, and the names of the archive's entries. A path is relative,
 * '/'-separated, and made of segments of letters, digits, '.', '_' and '-', without '.' or '..' segments:
 * it means the same on every file system and can never point outside the directory it is extracted to.
 */
final class BundlePaths {
    static final String MANIFEST = "manifest.json";
    static final String SIGNATURES = "signatures.json";
    static final String FILES_PREFIX = "files/";

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");

    private BundlePaths() {}

    /** What is wrong with a file path, or empty if it is allowed. */
    static Optional<String> problem(String path) {
        if (path.isEmpty()) {
            return Optional.of("the path is empty");
        }
        if (path.length() > BundleLimits.MAX_PATH_LENGTH) {
            return Optional.of("the path is longer than " + BundleLimits.MAX_PATH_LENGTH + " characters");
        }
        if (path.startsWith("/") || path.endsWith("/") || path.contains("//")) {
            return Optional.of("a path is relative, with single '/' between names");
        }
        for (String segment : path.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("a path must not contain '.' or '..'");
            }
            if (!SEGMENT.matcher(segment).matches()) {
                return Optional.of("names may only use letters, digits, '.', '_' and '-'");
            }
        }
        return Optional.empty();
    }

    /** What is wrong with an archive entry's name, or empty if it is allowed. */
    static Optional<String> entryProblem(String name) {
        if (name.equals(MANIFEST) || name.equals(SIGNATURES)) {
            return Optional.empty();
        }
        if (!name.startsWith(FILES_PREFIX)) {
            return Optional.of("a bundle holds only manifest.json, signatures.json and files/...");
        }
        return problem(name.substring(FILES_PREFIX.length()));
    }

    static String entryName(String path) {
        return FILES_PREFIX + path;
    }

    /**
     * Two paths that would land on the same file somewhere: equal but for case (a case-insensitive file
     * system), or one a file and the other below it as if it were a directory.
     */
    static Optional<String> conflict(List<String> paths) {
        Map<String, String> byFolded = new HashMap<>();
        for (String path : paths) {
            String earlier = byFolded.putIfAbsent(path.toLowerCase(Locale.ROOT), path);
            if (earlier != null) {
                return Optional.of(
                        earlier.equals(path)
                                ? "'" + path + "' is listed twice"
                                : "'" + earlier + "' and '" + path + "' differ only in case");
            }
        }
        for (String path : paths) {
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                String parent = byFolded.get(path.substring(0, slash).toLowerCase(Locale.ROOT));
                if (parent != null) {
                    return Optional.of("'" + path + "' is below '" + parent + "', which is a file");
                }
            }
        }
        return Optional.empty();
    }
}
