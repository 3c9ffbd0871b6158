package org.accesscentre.device.bundle;

import java.util.Arrays;
import java.util.Optional;

/** What a bundle carries, and the file a bundle of that kind must hold. */
public enum BundleKind {
    CATALOGUE("catalogue", "catalogue.json"),
    CONFIG("config", "config.json"),
    RELEASE("release", "");

    private final String jsonName;
    private final String requiredFile;

    BundleKind(String jsonName, String requiredFile) {
        this.jsonName = jsonName;
        this.requiredFile = requiredFile;
    }

    /** The name in manifests and on the command line. */
    public String jsonName() {
        return jsonName;
    }

    /** The file a bundle of this kind must contain at its top level; empty for a release. */
    public Optional<String> requiredFile() {
        return requiredFile.isEmpty() ? Optional.empty() : Optional.of(requiredFile);
    }

    public static Optional<BundleKind> fromJson(String name) {
        return Arrays.stream(values()).filter(k -> k.jsonName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
