package org.accesscentre.device.portal;

import java.io.Serial;
import java.nio.file.Path;

/** An env file kioskctl will not use: unsafe permissions or a line it cannot read. Never quotes a value. */
public final class EnvFileException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    EnvFileException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
