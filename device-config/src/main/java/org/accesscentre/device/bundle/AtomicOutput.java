package org.accesscentre.device.bundle;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.accesscentre.core.io.AtomicFiles;

/**
 * A file written through a temporary file in the same directory and renamed into place, like {@link
 * AtomicFiles#write}, but streamed: a release bundle can be hundreds of megabytes, more than a Pi should
 * hold in memory. Readers of the target see the old file or the complete new one, never a part.
 */
final class AtomicOutput implements Closeable {
    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private final OutputStream stream;
    private boolean committed;

    private AtomicOutput(Path target, Path temporary, FileChannel channel) {
        this.target = target;
        this.temporary = temporary;
        this.channel = channel;
        this.stream = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
    }

    static AtomicOutput open(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path temporary = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        try {
            return new AtomicOutput(absolute, temporary, FileChannel.open(temporary, StandardOpenOption.WRITE));
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    OutputStream stream() {
        return stream;
    }

    /** Makes the content durable and puts it in place of the target. */
    void commit() throws IOException {
        stream.flush();
        channel.force(true);
        channel.close();
        if (Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
            // Bundles are public: the portal and web servers read them. Temporary files start as 0600.
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot replace " + target + " atomically on this file system", e);
        }
        committed = true;
        AtomicFiles.fsyncDirectory(target.getParent());
    }

    /** Without a commit, throws the temporary file away and leaves the target as it was. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            channel.close();
            Files.deleteIfExists(temporary);
        }
    }
}
