package org.accesscentre.core.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a kiosk's journal: an attendant's action, a session, a ticket, a help call or cash taken for a
 * fee. Nothing personal: references, ticket numbers, amounts and attendant ids.
 *
 * @param id made on the kiosk; the portal stores an id once, however often it is sent
 * @param sequence the entry's order on its kiosk
 * @param kind dotted lower-case words, such as {@code session.ended}
 * @param kioskTime the kiosk's clock when it happened (not trusted for order)
 * @param body a JSON object whose fields depend on the kind
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceEvent(UUID id, long sequence, String kind, Instant kioskTime, JsonNode body) {}
