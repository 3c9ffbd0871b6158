package org.accesscentre.device.bundle;

import java.util.Optional;

/**
 * What to put in a new bundle's manifest.
 *
 * @param version 1 or more, and higher than every bundle of this kind published before
 * @param minAppVersion the oldest kiosk app that can use the content; 0 for any
 * @param label an optional one-line note for people
 */
public record BundleSpec(BundleKind kind, long version, long minAppVersion, Optional<String> label) {
    public BundleSpec {
        if (version < 1) {
            throw new IllegalArgumentException("the bundle version must be 1 or more, not " + version);
        }
        if (minAppVersion < 0) {
            throw new IllegalArgumentException("the minimum app version must be 0 or more, not " + minAppVersion);
        }
        if (label.isPresent()) {
            String text = label.get();
            if (text.isBlank()
                    || text.length() > BundleLimits.MAX_LABEL_LENGTH
                    || text.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException(
                        "the label must be one line of 1 to " + BundleLimits.MAX_LABEL_LENGTH + " characters");
            }
        }
    }

    public static BundleSpec of(BundleKind kind, long version) {
        return new BundleSpec(kind, version, 0, Optional.empty());
    }
}
