package org.accesscentre.device.identity;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.accesscentre.core.keys.KeyFormatException;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.device.signing.Ed25519;

/**
 * The kiosk's Ed25519 identity key pair, kept in one directory as {@code device.key} (PKCS#8 PEM, mode 0600)
 * and {@code device.pub} (X.509 PEM).
 *
 * <p>Loading fails closed: a private key file that other users could read, a symbolic link in its place, or
 * a public key file that does not belong to it is refused with a message saying what to do, rather than
 * used. Such a key may already be copied, and the portal cannot tell a copy from the kiosk.
 */
public final class DeviceIdentity {
    public static final String PRIVATE_KEY_FILE = "device.key";
    public static final String PUBLIC_KEY_FILE = "device.pub";

    private static final Set<PosixFilePermission> NOT_OWNER = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private DeviceIdentity(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = Keys.keyId(publicKey);
    }

    /**
     * Loads the identity from {@code dir}, making a new key pair there first if there is no private key yet.
     * A second call, or a call after a restart, loads the same key.
     *
     * @throws IdentityException if the key files exist but must not be used
     * @throws IOException if the directory or the files cannot be read or written
     */
    public static DeviceIdentity loadOrCreate(Path dir) throws IOException, IdentityException {
        if (!Files.isDirectory(dir)) {
            // Only the service user needs to list the directory that holds the key.
            Files.createDirectories(
                    dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Path keyFile = dir.resolve(PRIVATE_KEY_FILE);
        if (!Files.exists(keyFile, LinkOption.NOFOLLOW_LINKS)) {
            create(dir);
        }
        return load(dir);
    }

    private static void create(Path dir) throws IOException {
        KeyPair pair = Keys.generate(Keys.ED25519);
        try {
            Keys.writePrivate(dir.resolve(PRIVATE_KEY_FILE), pair.getPrivate());
        } catch (FileAlreadyExistsException e) {
            return; // another process made the key first: load that one
        }
        Keys.writePublic(dir.resolve(PUBLIC_KEY_FILE), pair.getPublic());
    }

    private static DeviceIdentity load(Path dir) throws IOException, IdentityException {
        Path keyFile = dir.resolve(PRIVATE_KEY_FILE);
        checkPrivate(keyFile);
        PrivateKey privateKey;
        PublicKey publicKey;
        try {
            privateKey = Keys.readPrivate(keyFile, Keys.ED25519);
            publicKey = Ed25519.publicKeyOf(privateKey);
        } catch (KeyFormatException e) {
            throw new IdentityException(keyFile + ": cannot be used as the device key: " + e.getMessage(), e);
        }
        Path pubFile = dir.resolve(PUBLIC_KEY_FILE);
        if (Files.exists(pubFile, LinkOption.NOFOLLOW_LINKS)) {
            PublicKey stored;
            try {
                stored = Keys.readPublic(pubFile, Keys.ED25519);
            } catch (KeyFormatException e) {
                throw new IdentityException(e.getMessage() + " (delete it to have it written again)", e);
            }
            if (!stored.equals(publicKey)) {
                throw new IdentityException(pubFile + ": does not belong to " + PRIVATE_KEY_FILE
                        + " (delete it to have it written again from the private key)");
            }
        } else {
            // A crash between writing the two files leaves only the private key: finish the job.
            Keys.writePublic(pubFile, publicKey);
        }
        return new DeviceIdentity(privateKey, publicKey);
    }

    private static void checkPrivate(Path keyFile) throws IOException, IdentityException {
        PosixFileAttributes attributes;
        try {
            attributes = Files.readAttributes(keyFile, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            throw new IdentityException(
                    keyFile + ": this file system cannot say who may read the key, so it is not used", e);
        }
        if (attributes.isSymbolicLink()) {
            throw new IdentityException(keyFile + ": is a symbolic link; the device key must be a regular file");
        }
        if (!attributes.isRegularFile()) {
            throw new IdentityException(keyFile + ": is not a regular file");
        }
        Set<PosixFilePermission> permissions = attributes.permissions();
        if (permissions.stream().anyMatch(NOT_OWNER::contains)) {
            throw new IdentityException(keyFile + ": other users may access it (mode " + octal(permissions)
                    + "); it must be 0600. Run: chmod 600 " + keyFile);
        }
    }

    static String octal(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission p : permissions) {
            mode |= 1 << (8 - p.ordinal()); // the enum is declared in rwxrwxrwx order
        }
        return String.format(Locale.ROOT, "%04o", mode);
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The short id of the public key, as {@link Keys#keyId} computes it. */
    public String keyId() {
        return keyId;
    }

    /** The public key as base64 X.509, the form enrolment sends to the portal. */
    public String publicKeyBase64() {
        return Keys.toBase64(publicKey);
    }

    /** An Ed25519 signature of {@code data} by the device key. */
    public byte[] sign(byte[] data) {
        return Ed25519.sign(privateKey, data);
    }

    @Override
    public String toString() {
        return "device key " + keyId;
    }
}
