package org.accesscentre.device.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.accesscentre.core.io.AtomicFiles;

/** Writes a verified bundle's files into a fresh directory, never outside it and never through a link. */
final class Extractor {
    private Extractor() {}

    static void extract(Path archive, Manifest manifest, Map<String, ZipEntryInfo> entries, Path target)
            throws IOException, BundleException {
        Path root = prepare(target.toAbsolutePath().normalize());
        Set<Path> directories = new LinkedHashSet<>();
        directories.add(root);
        try (FileChannel channel = FileChannel.open(archive, StandardOpenOption.READ)) {
            for (ManifestFile file : manifest.files()) {
                ZipEntryInfo entry = entries.get(file.path());
                if (entry == null) {
                    throw new IllegalStateException("verified bundle without an entry for " + file.path());
                }
                Path destination = directoryFor(root, file.path(), directories);
                write(channel, entry, file, destination);
            }
        }
        for (Path dir : directories) {
            AtomicFiles.fsyncDirectory(dir);
        }
    }

    /** The target, created if needed; an existing one must be a real, empty directory. */
    private static Path prepare(Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectory(target);
            return target;
        }
        BasicFileAttributes attributes =
                Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attributes.isSymbolicLink()) {
            throw new IOException(target + ": is a symbolic link; refusing to extract a bundle through it");
        }
        if (!attributes.isDirectory()) {
            throw new NotDirectoryException(target.toString());
        }
        try (DirectoryStream<Path> content = Files.newDirectoryStream(target)) {
            if (content.iterator().hasNext()) {
                throw new FileAlreadyExistsException(
                        target.toString(), null, "a bundle is extracted into an empty directory");
            }
        }
        return target;
    }

    /** Makes the file's parent directories one by one, refusing anything in the way that is not a directory. */
    private static Path directoryFor(Path root, String path, Set<Path> directories) throws IOException {
        String[] segments = path.split("/");
        Path dir = root;
        for (int i = 0; i < segments.length - 1; i++) {
            dir = inside(root, dir.resolve(segments[i]));
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                BasicFileAttributes a = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (!a.isDirectory() || a.isSymbolicLink()) {
                    throw new IOException(dir + ": is in the way of a bundle directory");
                }
            } else {
                Files.createDirectory(dir);
                directories.add(dir);
            }
        }
        return inside(root, dir.resolve(segments[segments.length - 1]));
    }

    /** Paths were checked when the manifest was read; this is the second lock on the same door. */
    private static Path inside(Path root, Path candidate) throws IOException {
        Path normal = candidate.normalize();
        if (!normal.startsWith(root) || normal.equals(root)) {
            throw new IOException(candidate + ": would be outside " + root);
        }
        return normal;
    }

    private static void write(FileChannel archive, ZipEntryInfo entry, ManifestFile file, Path destination)
            throws IOException, BundleException {
        ContentDigest digest;
        // CREATE_NEW fails on anything already there, a dangling symbolic link included.
        try (FileChannel out = FileChannel.open(
                destination, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            OutputStream stream = Channels.newOutputStream(out);
            digest = FileRanges.copy(archive, entry.dataOffset(), entry.size(), stream);
            out.force(true);
        }
        if (!digest.sha256().equals(file.sha256()) || digest.size() != file.size()) {
            Files.delete(destination);
            throw VerifiedBundle.changed(entry.name());
        }
    }
}
