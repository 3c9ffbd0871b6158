package org.accesscentre.device.config;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.accesscentre.core.keys.Keys;

/**
 * What a configuration pushed to a kiosk in a signed bundle may change. A push arrives over the network with
 * nobody at the kiosk to undo it: one that moved the kiosk to another centre, portal or key, or left it
 * trusting no key the ICT office holds, could cut it off until someone travels to it. So a push may change
 * how the kiosk behaves, never who it is or how it is reached. Those stay as the file given with
 * {@code --config} says; to change them, someone changes that file at the kiosk.
 */
public final class ConfigChange {
    private ConfigChange() {}

    /**
     * Why {@code next} does not describe the same kiosk as {@code base}, or empty when it does. The reason
     * names what {@code next} says, such as {@code it names centre VFT, not SOU}.
     */
    public static Optional<String> identity(DeviceConfig base, DeviceConfig next) {
        if (!next.centre().equals(base.centre())) {
            // Reference numbers and the portal's record of the device both carry the centre.
            return why("it names centre " + next.centre() + ", not " + base.centre());
        }
        if (next.kiosk() != base.kiosk()) {
            // Two kiosks under one number would hand out the same reference numbers.
            return why("it names kiosk " + next.kiosk() + ", not " + base.kiosk());
        }
        if (!next.portal().url().equals(base.portal().url())) {
            // A wrong address cuts the kiosk off, and no push could reach it to set it right.
            return why("it names portal " + next.portal().url() + ", not "
                    + base.portal().url());
        }
        if (!sameKey(next.portal().envelopeKey(), base.portal().envelopeKey())) {
            // Requests sealed to a key the portal does not hold can never be opened.
            return why("it names envelope key " + Keys.keyId(next.portal().envelopeKey()) + ", not "
                    + Keys.keyId(base.portal().envelopeKey()));
        }
        if (!next.dataDir().equals(base.dataDir())) {
            // The store, the device's key and its enrolment live there: another directory is another device.
            return why("it names data directory " + next.dataDir() + ", not " + base.dataDir());
        }
        return Optional.empty();
    }

    /**
     * Why a configuration pushed in a bundle signed by key {@code signedBy} may not replace {@code inForce},
     * or empty when it may.
     */
    public static Optional<String> pushed(DeviceConfig inForce, DeviceConfig next, String signedBy) {
        Optional<String> moved = identity(inForce, next);
        if (moved.isPresent()) {
            return why("a pushed configuration may not move the kiosk: " + moved.get());
        }
        if (next.enrolmentCode().isPresent()) {
            // A one-time secret for the first start: useless once enrolled, and a bundle is no place for it.
            return why("it carries an enrolmentCode; a pushed configuration must not (the kiosk keeps the one"
                    + " in the file given with --config)");
        }
        if (next.trustedSigningKeys().stream().map(Keys::keyId).noneMatch(signedBy::equals)) {
            // The key that signed it is one the ICT office surely holds; a set without it may be keys nobody
            // holds, and the kiosk would never accept another bundle. Rotate by adding the new key first, then
            // drop the old one in a configuration signed by the new one.
            return why("its trustedSigningKeys leave out key " + signedBy + ", which signed it");
        }
        List<String> was = inForce.portal().pinSha256();
        List<String> now = next.portal().pinSha256();
        if (was.isEmpty() && !now.isEmpty()) {
            // A wrong pin cuts the kiosk off: pinning starts in the file, where someone can check it works.
            return why("it turns certificate pinning on; that is set in the file given with --config");
        }
        if (!was.isEmpty() && now.isEmpty()) {
            return why("it turns certificate pinning off; that is set in the file given with --config");
        }
        if (!was.isEmpty() && Collections.disjoint(was, now)) {
            // The certificate the kiosk talks to today must still pass; add the new pin first, drop the old later.
            return why("it keeps none of the certificate pins in force");
        }
        return Optional.empty();
    }

    private static boolean sameKey(PublicKey a, PublicKey b) {
        return Arrays.equals(a.getEncoded(), b.getEncoded());
    }

    private static Optional<String> why(String reason) {
        return Optional.of(reason);
    }
}
