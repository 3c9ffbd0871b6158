package org.accesscentre.device.bundle;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * What a bundle says about itself, read without trusting it: for people looking at a bundle, never for
 * deciding to use one (that is {@link BundleVerifier}'s job).
 *
 * @param signatureKeyIds the key ids of its signatures, none checked
 * @param contentProblem why the files do not match the manifest or the layout is not canonical; empty when
 *     everything but the signatures checks out
 */
public record BundleInspection(Manifest manifest, List<String> signatureKeyIds, Optional<String> contentProblem) {
    public BundleInspection {
        signatureKeyIds = List.copyOf(signatureKeyIds);
    }

    /**
     * Reads a bundle's manifest and signature list, and checks its files, signed or not.
     *
     * @throws BundleException if the archive, its manifest or its signature file cannot be read at all
     */
    public static BundleInspection of(Path file) throws IOException, BundleException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            BundleArchive archive = BundleArchive.open(channel);
            Optional<String> problem = Optional.empty();
            try {
                archive.checkContents();
            } catch (BundleException e) {
                problem = Optional.of(e.detail());
            }
            List<String> keyIds =
                    archive.signatures().stream().map(BundleSignature::keyId).toList();
            return new BundleInspection(archive.manifest(), keyIds, problem);
        }
    }
}
