package org.accesscentre.sync.release;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.regex.Pattern;
import org.accesscentre.core.io.AtomicFiles;
import org.accesscentre.device.bundle.BundleException;
import org.accesscentre.device.bundle.VerifiedBundle;

/**
 * The release directory of a kiosk, such as {@code /var/lib/kiosk/releases}:
 *
 * <pre>
 * 6/              a complete release, unpacked; named by its version
 * 7.partial/      one being unpacked; renamed to 7/ once every file is written and synced
 * current -> 7    what the services start from, switched with one rename
 * previous -> 6   where a rollback goes
 * install.json    the journal ({@link InstallJournal})
 * downloads/      bundles being fetched
 * </pre>
 *
 * A slot directory exists only once complete, and a link only ever names a complete slot, so whatever a crash
 * interrupts, {@code current} is either the old release or the new one.
 */
public final class ReleaseSlots {
    static final String CURRENT = "current";
    static final String PREVIOUS = "previous";
    static final String DOWNLOADS = "downloads";
    private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,17}");
    private static final String PARTIAL = ".partial";

    private final Path dir;
    private final InstallProgress progress;

    public ReleaseSlots(Path dir, InstallProgress progress) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.progress = progress;
    }

    public Path dir() {
        return dir;
    }

    public Path slot(long version) {
        return dir.resolve(Long.toString(version));
    }

    /** The version {@code current} names, or 0 when there is none. */
    public long current() throws IOException {
        return target(CURRENT);
    }

    /** The version {@code previous} names, or 0 when there is none. */
    public long previous() throws IOException {
        return target(PREVIOUS);
    }

    private long target(String link) throws IOException {
        Path target;
        try {
            target = Files.readSymbolicLink(dir.resolve(link));
        } catch (NoSuchFileException e) {
            return 0;
        } catch (NotLinkException e) {
            throw new IOException(dir.resolve(link) + " is not a symbolic link; it must name a release slot");
        }
        String name = target.toString();
        if (!VERSION.matcher(name).matches() || !Files.isDirectory(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(dir.resolve(link) + " points at '" + name + "', which is not a release slot");
        }
        return Long.parseLong(name);
    }

    /**
     * Unpacks a verified bundle into {@code <version>.partial}, then renames it to {@code <version>}. The
     * verifier checked the signature and every hash before this; the extractor checks each hash again as it
     * writes and never writes outside the slot.
     */
    void unpack(VerifiedBundle bundle, long version) throws IOException, BundleException {
        if (version == current()) {
            throw new IllegalStateException("release " + version + " is the one running");
        }
        Path partial = dir.resolve(version + PARTIAL);
        deleteTree(partial);
        deleteTree(slot(version));
        bundle.extractTo(partial);
        progress.at("unpack.extracted");
        Files.move(partial, slot(version), StandardCopyOption.ATOMIC_MOVE);
        AtomicFiles.fsyncDirectory(dir);
        progress.at("unpack.renamed");
    }

    /**
     * Points {@code current} at a complete slot in one step: a new link under a temporary name, renamed over
     * the old one (rename(2) replaces it atomically, so there is no moment without a {@code current}).
     */
    void switchCurrent(long version) throws IOException {
        point(CURRENT, version);
    }

    /** Points {@code previous} at a slot, or removes it for 0. */
    void setPrevious(long version) throws IOException {
        if (version == 0) {
            Files.deleteIfExists(dir.resolve(PREVIOUS));
            AtomicFiles.fsyncDirectory(dir);
            return;
        }
        point(PREVIOUS, version);
    }

    private void point(String link, long version) throws IOException {
        if (!Files.isDirectory(slot(version), LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("cannot point " + link + " at " + version + ": there is no such slot in " + dir);
        }
        Path temp = dir.resolve("." + link + ".tmp");
        Files.deleteIfExists(temp);
        Files.createSymbolicLink(temp, Path.of(Long.toString(version)));
        progress.at("switch." + link + "-linked");
        Files.move(temp, dir.resolve(link), StandardCopyOption.ATOMIC_MOVE);
        AtomicFiles.fsyncDirectory(dir);
    }

    /** Removes what an unfinished install of {@code version} left, unless a link names it. */
    void discard(long version) throws IOException {
        deleteTree(dir.resolve(version + PARTIAL));
        if (version != current() && version != previous()) {
            deleteTree(slot(version));
        }
        AtomicFiles.fsyncDirectory(dir);
    }

    /**
     * Keeps the slots {@code current} and {@code previous} name and removes every other slot, partial slot
     * and temporary link; downloads are kept only for versions newer than {@code current}, to resume.
     */
    void cleanUp() throws IOException {
        long current = current();
        long previous = previous();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                boolean slot = VERSION.matcher(name).matches();
                if (slot && (Long.parseLong(name) == current || Long.parseLong(name) == previous)) {
                    continue;
                }
                if (slot || name.endsWith(PARTIAL) || (name.startsWith(".") && name.endsWith(".tmp"))) {
                    deleteTree(p);
                }
            }
        }
        Path downloads = dir.resolve(DOWNLOADS);
        if (Files.isDirectory(downloads)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(downloads)) {
                for (Path p : files) {
                    String name = p.getFileName().toString();
                    String version = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
                    if (!VERSION.matcher(version).matches() || Long.parseLong(version) <= current) {
                        deleteTree(p);
                    }
                }
            }
        }
        AtomicFiles.fsyncDirectory(dir);
    }

    /** Deletes a file or a directory tree without following any link in it. */
    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
