package org.accesscentre.device.portal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.accesscentre.device.config.NewKioskConfig;
import org.jspecify.annotations.Nullable;

/**
 * Makes a new kiosk's configuration from what the portal says: a fresh enrolment code for the slot, the
 * envelope key, and every signing key the portal trusts.
 */
public final class Provisioning {
    private Provisioning() {}

    /**
     * @param kioskPortal the portal as the kiosk will reach it, which may differ from the admin's address
     * @throws PortalException if the portal refuses, or trusts no signing key yet (a kiosk could then never
     *     install a catalogue)
     */
    public static NewKioskConfig newKiosk(
            PortalClient admin,
            String centre,
            int kiosk,
            URI kioskPortal,
            List<String> locales,
            ZoneId timeZone,
            Path dataDir,
            @Nullable Integer validDays)
            throws PortalException {
        JsonNode envelope = admin.envelopeKey();
        List<String> signing = new ArrayList<>();
        for (JsonNode k : admin.signingKeys()) {
            String key = k.path("publicKey").asText("");
            if (!key.isEmpty()) {
                signing.add(key);
            }
        }
        if (signing.isEmpty()) {
            throw PortalException.unusable(
                    0, admin.portal(), "it trusts no signing key yet: add one first (kioskctl signing-key add FILE)");
        }
        String publicKey = envelope.path("publicKey").asText("");
        if (publicKey.isEmpty()) {
            throw PortalException.unusable(200, admin.portal(), "its answer for the envelope key has no publicKey");
        }
        JsonNode code = admin.createEnrolmentCode(centre, kiosk, validDays);
        return new NewKioskConfig(
                centre,
                kiosk,
                kioskPortal,
                publicKey,
                signing,
                locales,
                timeZone,
                dataDir,
                code.path("code").asText());
    }
}
