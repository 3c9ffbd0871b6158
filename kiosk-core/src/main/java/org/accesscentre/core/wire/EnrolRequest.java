package org.accesscentre.core.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * A kiosk enrolling itself: the one-time code the ICT office gave for it, the public half of the Ed25519
 * identity key it just made (base64 X.509), and facts about its hardware.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnrolRequest(String code, String publicKey, Map<String, String> hardware) {
    public EnrolRequest {
        hardware = hardware == null ? Map.of() : Map.copyOf(hardware);
    }
}
