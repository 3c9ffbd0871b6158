package org.accesscentre.portal.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.accesscentre.core.reference.ReferenceNumber;
import org.accesscentre.core.wire.IngestItem;
import org.accesscentre.portal.http.ApiException;
import org.accesscentre.portal.security.Principal;
import org.accesscentre.portal.security.Secrets;

/**
 * One item of a batch, checked for shape: every field present, the sealed payload decoded, and the hash of
 * everything the kiosk sent, which tells an identical resend from a different submission under the same
 * transaction id. A malformed item refuses the whole batch (a kiosk bug, nothing to store); content a kiosk
 * could have got wrong is judged later, per item.
 */
record CheckedItem(IngestItem wire, int index, byte[] sealed, byte[] contentHash) {
    static final int MAX_SEALED_BYTES = 256 * 1024;
    private static final Instant EARLIEST = Instant.ofEpochMilli(Long.MIN_VALUE);
    private static final Instant LATEST = Instant.ofEpochMilli(Long.MAX_VALUE);

    static CheckedItem of(IngestItem item, int index, Principal.Device device) {
        String at = "items[" + index + "]";
        require(item.transactionId() != null, at + ".transactionId is required");
        require(item.reference() != null && item.reference().length() <= 40, at + ".reference is required");
        require(
                item.serviceId() != null && item.serviceId().length() <= 64,
                at + ".serviceId is required, at most 64 characters");
        require(item.serviceVersion() > 0, at + ".serviceVersion must be positive");
        require(item.catalogueVersion() > 0, at + ".catalogueVersion must be positive");
        require(
                item.sequence() > 0 && item.sequence() <= ReferenceNumber.MAX_SEQUENCE,
                at + ".sequence is out of range");
        // Any kiosk clock is believed here, but a time past epoch milliseconds is no clock's reading.
        require(
                item.kioskTime() != null
                        && !item.kioskTime().isBefore(EARLIEST)
                        && !item.kioskTime().isAfter(LATEST),
                at + ".kioskTime is required, as a time in epoch milliseconds");
        require(item.feeCents() >= 0 && item.feeCents() <= 100_000_000, at + ".feeCents is out of range");
        require(item.currency() == null || item.currency().matches("[A-Z]{3}"), at + ".currency must be ISO 4217");
        require(item.sealed() != null, at + ".sealed is required");
        require(item.sealed().length() <= MAX_SEALED_BYTES * 4 / 3 + 4, at + ".sealed is larger than 256 KiB");
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(item.sealed());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_item", at + ".sealed is not base64", Map.of("index", index));
        }
        return new CheckedItem(item, index, sealed, hash(item, sealed));
    }

    UUID transactionId() {
        return wire.transactionId();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw ApiException.badRequest("invalid_item", message);
        }
    }

    /** SHA-256 over every field the kiosk sent, each length-prefixed so no two different items collide. */
    private static byte[] hash(IngestItem i, byte[] sealed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(sealed.length + 200);
        for (String s : new String[] {
            i.transactionId().toString(),
            i.reference(),
            i.serviceId(),
            Integer.toString(i.serviceVersion()),
            Long.toString(i.catalogueVersion()),
            Long.toString(i.sequence()),
            Long.toString(i.kioskTime().toEpochMilli()),
            Long.toString(i.feeCents()),
            String.valueOf(i.currency())
        }) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
            out.writeBytes(b);
        }
        out.writeBytes(sealed);
        return Secrets.sha256(out.toByteArray());
    }
}
