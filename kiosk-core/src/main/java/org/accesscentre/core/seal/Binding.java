package org.accesscentre.core.seal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * What an envelope is bound to, as associated data: opening it under any other transaction id or service
 * fails, so a sealed payload cannot be moved to another request.
 */
public record Binding(UUID transactionId, String serviceId, int serviceVersion) {
    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(transactionId.getMostSignificantBits());
            out.writeLong(transactionId.getLeastSignificantBits());
            out.writeUTF(serviceId);
            out.writeInt(serviceVersion);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
