package org.accesscentre.core.keys;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The PEM text form of DER data (RFC 7468), as openssl writes keys. */
public final class Pem {
    private static final int MAX_LENGTH = 16 * 1024;
    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z ]{1,40})-----\\s+([A-Za-z0-9+/=\\s]+?)-----END \\1-----\\s*");

    private Pem() {}

    public static String encode(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** The DER data of the single PEM block of the given type in {@code text}. */
    public static byte[] decode(byte[] text, String type, String source) throws KeyFormatException {
        if (text.length > MAX_LENGTH) {
            throw new KeyFormatException(source + ": too large for a key file (" + text.length + " bytes)");
        }
        Matcher m = BLOCK.matcher(new String(text, StandardCharsets.US_ASCII).strip());
        if (!m.matches()) {
            throw new KeyFormatException(source + ": not a PEM file (expected -----BEGIN " + type + "-----)");
        }
        if (!m.group(1).equals(type)) {
            throw new KeyFormatException(source + ": holds a " + m.group(1) + ", not a " + type);
        }
        try {
            return Base64.getMimeDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException(source + ": the PEM data is not valid base64");
        }
    }
}
