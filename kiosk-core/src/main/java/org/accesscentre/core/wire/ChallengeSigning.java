package org.accesscentre.core.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The exact bytes a device signs to answer a {@link Challenge}: a fixed label, the device id, the challenge
 * id and the nonce. The label keeps this signature from ever being valid as anything else the key signs.
 */
public final class ChallengeSigning {
    private static final byte[] LABEL = "accesscentre device auth v1\n".getBytes(StandardCharsets.US_ASCII);

    private ChallengeSigning() {}

    public static byte[] message(String deviceId, String challengeId, String nonceBase64) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        out.writeBytes(LABEL);
        out.writeBytes((deviceId + "\n" + challengeId + "\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(Base64.getDecoder().decode(nonceBase64));
        return out.toByteArray();
    }
}
