package org.accesscentre.portal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.accesscentre.core.keys.KeyFormatException;
import org.accesscentre.core.keys.Keys;

/**
 * The portal's envelope keys in its data directory: {@code keys/envelope.key} (X25519, mode 0600) is the
 * current one, and retired keys stay under {@code keys/retired/} so envelopes sealed before a rotation still
 * open. Made at bootstrap, never in the repository.
 */
public final class PortalKeys {
    private final KeyPair current;
    private final List<KeyPair> all;

    private PortalKeys(KeyPair current, List<KeyPair> all) {
        this.current = current;
        this.all = List.copyOf(all);
    }

    static Path dir(Path dataDir) {
        return dataDir.resolve("keys");
    }

    /** Makes the envelope key pair if there is none; true if it was made now. */
    public static boolean createIfAbsent(Path dataDir) throws IOException {
        Path key = dir(dataDir).resolve("envelope.key");
        if (Files.exists(key)) {
            return false;
        }
        Files.createDirectories(dir(dataDir));
        KeyPair pair = Keys.generate(Keys.X25519);
        Keys.writePrivate(key, pair.getPrivate());
        Keys.writePublic(dir(dataDir).resolve("envelope.pub"), pair.getPublic());
        return true;
    }

    public static PortalKeys load(Path dataDir) throws IOException, KeyFormatException {
        Path dir = dir(dataDir);
        Path key = dir.resolve("envelope.key");
        if (!Files.exists(key)) {
            throw new KeyFormatException(key + ": missing; run 'portal bootstrap' on this data directory first");
        }
        KeyPair current = pair(key, dir.resolve("envelope.pub"));
        List<KeyPair> all = new ArrayList<>(List.of(current));
        Path retired = dir.resolve("retired");
        if (Files.isDirectory(retired)) {
            try (Stream<Path> files = Files.list(retired)) {
                for (Path k : files.filter(p -> p.toString().endsWith(".key"))
                        .sorted()
                        .toList()) {
                    all.add(pair(k, k.resolveSibling(k.getFileName().toString().replace(".key", ".pub"))));
                }
            }
        }
        return new PortalKeys(current, all);
    }

    private static KeyPair pair(Path privateFile, Path publicFile) throws IOException, KeyFormatException {
        if (privateFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(privateFile);
            if (perms.stream()
                    .anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                throw new KeyFormatException(privateFile + ": readable by others; chmod 600 it");
            }
        }
        PrivateKey priv = Keys.readPrivate(privateFile, Keys.X25519);
        PublicKey pub = Keys.readPublic(publicFile, Keys.X25519);
        return new KeyPair(pub, priv);
    }

    public KeyPair current() {
        return current;
    }

    public List<KeyPair> all() {
        return all;
    }
}
