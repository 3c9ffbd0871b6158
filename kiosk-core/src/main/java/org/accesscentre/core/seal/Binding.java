package org.accesscentre.core.seal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * What an envelope is bound to, as associated data: opening it under any other transaction id or service
 * fails, so a sealed payload cannot be moved to another request.
 */
public record Binding(UUID transactionId, String serviceId, int serviceVersion) {
    byte[] encode() {
        byte[] service = serviceId.getBytes(StandardCharsets.UTF_8);
        if (service.length > 0xFFFF) {
            throw new IllegalArgumentException("a service id of " + service.length + " bytes");
        }
        // The layout of DataOutputStream's writeLong, writeLong, writeUTF and writeInt, which it was first
        // written with: service ids are ASCII (the catalogue reader's rule), where modified UTF-8 is UTF-8.
        ByteBuffer out = ByteBuffer.allocate(16 + 2 + service.length + 4);
        out.putLong(transactionId.getMostSignificantBits());
        out.putLong(transactionId.getLeastSignificantBits());
        out.putShort((short) service.length);
        out.put(service);
        out.putInt(serviceVersion);
        return out.array();
    }
}
