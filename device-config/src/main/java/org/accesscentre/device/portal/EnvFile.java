package org.accesscentre.device.portal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * kioskctl's env file: {@code NAME=value} lines, blank lines and {@code #} comments, as a shell or systemd
 * reads them. It holds a token, so a file that anyone but its owner may read or change is refused, as ssh
 * refuses a private key: a token another user could read is a token they have.
 */
public final class EnvFile {
    /** A couple of lines are expected; a large file is a mistake, such as pointing at a log. */
    static final int MAX_BYTES = 64 << 10;

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<PosixFilePermission> NOT_OWNER = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private EnvFile() {}

    /** The file's variables in file order; values are never part of an error message. */
    public static Map<String, String> read(Path file) throws IOException, EnvFileException {
        if (!Files.isRegularFile(file)) {
            if (Files.exists(file)) {
                throw new EnvFileException(file, "not a regular file");
            }
            throw new NoSuchFileException(file.toString());
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            Set<PosixFilePermission> mode = posix.readAttributes().permissions();
            if (!Collections.disjoint(mode, NOT_OWNER)) {
                throw new EnvFileException(
                        file,
                        "others may read or change it (" + PosixFilePermissions.toString(mode)
                                + ") and it holds a token; chmod 600 it");
            }
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new EnvFileException(file, "larger than " + MAX_BYTES + " bytes; an env file is a few lines");
        }
        return parse(file, Files.readAllBytes(file));
    }

    static Map<String, String> parse(Path file, byte[] bytes) throws EnvFileException {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new EnvFileException(file, "not UTF-8 text");
        }
        Map<String, String> values = new LinkedHashMap<>();
        int number = 0;
        for (String raw : text.split("\r?\n", -1)) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) { // a file written for `source` works too
                line = line.substring("export ".length()).stripLeading();
            }
            int eq = line.indexOf('=');
            String name = eq < 0 ? "" : line.substring(0, eq).strip();
            if (!NAME.matcher(name).matches()) {
                throw new EnvFileException(file, "line " + number + ": expected NAME=value");
            }
            if (values.containsKey(name)) {
                throw new EnvFileException(file, "line " + number + ": " + name + " is set twice");
            }
            values.put(name, unquote(line.substring(eq + 1).strip()));
        }
        return values;
    }

    /** One pair of matching quotes around a value is the shell's, not part of it; no escapes are read. */
    private static String unquote(String value) {
        if (value.length() >= 2) {
            char first = value.charAt(0);
            if ((first == '"' || first == '\'') && value.charAt(value.length() - 1) == first) {
                return value.substring(1, value.length() - 1);
            }
        }
        return value;
    }
}
