package org.accesscentre.device.config;

import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * One kiosk's configuration, as read and checked by {@link DeviceConfigReader}.
 *
 * @param centre the access centre's 3-letter code, as in reference numbers
 * @param kiosk the kiosk's number in its centre, 1 to 99
 * @param trustedSigningKeys Ed25519 keys whose signature on a bundle the kiosk accepts; several during a key
 *     rotation
 * @param locales the languages offered; the first is the default
 * @param idle when an unattended session is warned about and then wiped
 * @param attendants who may unlock attendant mode with a PIN; none means nobody can
 * @param dataDir where the local store, staged bundles and the device key live
 * @param enrolmentCode the one-time code for the first start; absent once enrolled
 * @param retentionDays sealed payloads are purged this many days after the portal acknowledged them
 * @param storeMaxMegabytes the local store refuses new submissions beyond this size
 */
public record DeviceConfig(
        String centre,
        int kiosk,
        Portal portal,
        List<PublicKey> trustedSigningKeys,
        List<String> locales,
        ZoneId timeZone,
        IdlePolicy idle,
        SessionPolicy session,
        OpeningHours openingHours,
        List<Attendant> attendants,
        Hardware hardware,
        Path dataDir,
        Optional<String> enrolmentCode,
        int retentionDays,
        long storeMaxMegabytes) {

    public DeviceConfig {
        trustedSigningKeys = List.copyOf(trustedSigningKeys);
        locales = List.copyOf(locales);
        attendants = List.copyOf(attendants);
        if (trustedSigningKeys.isEmpty()) {
            // A kiosk that trusts no key could never install a catalogue or an update.
            throw new IllegalArgumentException("a device configuration needs at least one trusted signing key");
        }
        if (locales.isEmpty()) {
            throw new IllegalArgumentException("a device configuration needs at least one locale");
        }
    }

    public String defaultLocale() {
        return locales.getFirst();
    }

    public Optional<Attendant> attendant(String id) {
        return attendants.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Duration retention() {
        return Duration.ofDays(retentionDays);
    }

    public long storeMaxBytes() {
        return storeMaxMegabytes * 1024 * 1024;
    }

    /** The same configuration reaching its portal at another address: through a proxy or a link emulator. */
    public DeviceConfig withPortalUrl(java.net.URI url) {
        return new DeviceConfig(
                centre,
                kiosk,
                new Portal(url, portal.envelopeKey(), portal.pinSha256()),
                trustedSigningKeys,
                locales,
                timeZone,
                idle,
                session,
                openingHours,
                attendants,
                hardware,
                dataDir,
                enrolmentCode,
                retentionDays,
                storeMaxMegabytes);
    }

    /**
     * The same configuration with another enrolment code: a pushed configuration carries none, and the kiosk
     * keeps the one in the file given with {@code --config}.
     */
    public DeviceConfig withEnrolmentCode(Optional<String> code) {
        return new DeviceConfig(
                centre,
                kiosk,
                portal,
                trustedSigningKeys,
                locales,
                timeZone,
                idle,
                session,
                openingHours,
                attendants,
                hardware,
                dataDir,
                code,
                retentionDays,
                storeMaxMegabytes);
    }

    /** A summary for logs: never the enrolment code, which is a secret until it is used. */
    @Override
    public String toString() {
        return "DeviceConfig[" + centre + " kiosk " + kiosk + ", portal " + portal.url() + ", "
                + trustedSigningKeys.size() + " trusted signing keys, locales " + locales + ", " + timeZone + ", "
                + attendants.size() + " attendants, enrolment code " + (enrolmentCode.isPresent() ? "set" : "not set")
                + "]";
    }
}
