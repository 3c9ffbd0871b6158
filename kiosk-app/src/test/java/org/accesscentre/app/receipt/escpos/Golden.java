package org.accesscentre.app.receipt.escpos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files of printer bytes, as hex dumps a person can review: offset, 16 bytes in hex, and the text as
 * the printer's code page shows it ({@code .} for a command byte). Run the tests with
 * {@code -Descpos.regenerate=true} to write them afresh into {@code src/test/resources/escpos/}, then read the
 * diff before committing.
 */
final class Golden {
    static final String REGENERATE = "escpos.regenerate";

    private static final Path SOURCE = Path.of("src", "test", "resources", "escpos");
    private static final Charset CP858 = Charset.forName("cp858");

    private Golden() {}

    static void assertMatches(String name, String what, byte[] bytes) throws IOException {
        String dump = "# " + what + "\n# " + bytes.length + " bytes; regenerate with -D" + REGENERATE + "=true\n"
                + hexDump(bytes);
        if (Boolean.getBoolean(REGENERATE)) {
            Files.createDirectories(SOURCE);
            Files.writeString(SOURCE.resolve(name), dump, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream golden = Golden.class.getResourceAsStream("/escpos/" + name)) {
            if (golden == null) {
                fail("no golden file escpos/" + name + "; write it with -D" + REGENERATE + "=true and review it");
                return;
            }
            assertEquals(new String(golden.readAllBytes(), StandardCharsets.UTF_8), dump, "bytes differ from " + name);
        }
    }

    static String hexDump(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (int offset = 0; offset < bytes.length; offset += 16) {
            out.append("%08x ".formatted(offset));
            StringBuilder text = new StringBuilder();
            for (int i = offset; i < offset + 16; i++) {
                if (i % 8 == 0) {
                    out.append(' ');
                }
                if (i < bytes.length) {
                    out.append("%02x ".formatted(bytes[i] & 0xff));
                    text.append(shown(bytes[i]));
                } else {
                    out.append("   ");
                }
            }
            out.append(" |").append(text).append("|\n");
        }
        return out.toString();
    }

    /** Printable ASCII as itself, a letter of the code page's upper half as that letter, anything else '.'. */
    private static char shown(byte b) {
        int u = b & 0xff;
        if (u >= 0x20 && u < 0x7f) {
            return (char) u;
        }
        if (u >= 0x80) {
            char c = new String(new byte[] {b}, CP858).charAt(0);
            if (Character.isLetter(c) || c == '«' || c == '»' || c == '€') {
                return c;
            }
        }
        return '.';
    }
}
