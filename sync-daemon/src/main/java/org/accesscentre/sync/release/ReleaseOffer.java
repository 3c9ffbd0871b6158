package org.accesscentre.sync.release;

import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * What the portal offers: a release version and where to fetch its bundle, with the bundle's size and
 * SHA-256 so a download is checked before the verifier even opens it.
 *
 * @param headers sent with every request for the bundle, such as the device's authorization
 * @param signedRollback true only when the caller holds a rollback order signed by the ICT office for this
 *     version; then, and only then, a version lower than the one running is installed
 */
public record ReleaseOffer(
        long version, HttpUrl url, Headers headers, long size, String sha256, boolean signedRollback) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public ReleaseOffer {
        if (version < 1) {
            throw new IllegalArgumentException("a release version is 1 or more, not " + version);
        }
        if (size < 1) {
            throw new IllegalArgumentException("a release bundle has at least one byte, not " + size);
        }
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("a SHA-256 is 64 lower-case hex digits");
        }
    }

    public static ReleaseOffer of(long version, HttpUrl url, long size, String sha256) {
        return new ReleaseOffer(version, url, Headers.of(), size, sha256, false);
    }
}
