package org.accesscentre.device.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.json.JsonInputException;
import org.accesscentre.core.json.JsonLimits;
import org.accesscentre.core.json.Node;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.core.reference.ReferenceNumber;

/**
 * Reads and checks a device configuration file. The first problem found is refused with the path to the bad
 * element, such as {@code config.json: portal.url: must be https unless the host is loopback}.
 *
 * <p>{@link #strict()} refuses unknown properties: kioskctl validates this way, so a misspelt setting is an
 * error instead of silently taking its default. Kiosks read {@link #lenient()}, so a configuration written
 * for a newer app does not stop an older one.
 *
 * <p>The layout ({@code //} comments are not allowed in the file):
 *
 * <pre>{@code
 * {
 *   "format": 1,
 *   "centre": "SOU",                          // 3 upper-case letters
 *   "kiosk": 3,                               // 1..99
 *   "portal": {
 *     "url": "https://portal.gov.lc",         // https; http only for a loopback host
 *     "envelopeKey": "<base64 X.509 X25519 public key>",
 *     "pinSha256": ["<base64 SHA-256 of the portal certificate's SPKI>"]   // optional, up to 10
 *   },
 *   "trustedSigningKeys": ["<base64 X.509 Ed25519 public key>"],          // 1 to 16
 *   "locales": ["en", "fr"],                  // optional, default ["en"]; the first is the default
 *   "timeZone": "America/St_Lucia",
 *   "idleTimeoutSeconds": 90,                 // optional, 30..1800
 *   "idleWarningSeconds": 30,                 // optional, at least 20 and less than idleTimeoutSeconds
 *   "session": {"limitMinutes": 30, "warningMinutes": [5, 1]},           // optional
 *   "openingHours": {"monday": {"open": "08:00", "close": "16:30"}},     // optional; days left out are closed
 *   "attendants": [{"id": "marie", "name": "Marie Joseph",
 *                   "pinHash": "pbkdf2-sha256$600000$<salt>$<hash>"}],  // optional, up to 100
 *   "hardware": {"helpButtonPin": 17, "leds": {"green": 22, "amber": 23, "red": 24}, "buzzerPin": 25,
 *                "printer": {"port": "/dev/ttyUSB0", "baudRate": 19200}},  // optional; BCM pins 0..27, each once
 *   "dataDir": "/var/lib/kiosk",              // optional, absolute
 *   "enrolmentCode": "K7Q4-M2XD-9PRT",        // optional: only needed on the first start
 *   "retentionDays": 30,                      // optional, 1..3650
 *   "storeMaxMegabytes": 2048                 // optional, 64..1048576
 * }
 * }</pre>
 *
 * Without {@code openingHours} the kiosk keeps no schedule of its own; an empty {@code openingHours} object
 * is refused, because a kiosk closed every day is surely a mistake.
 */
public final class DeviceConfigReader {
    public static final int FORMAT = 1;
    public static final String FILE_NAME = "config.json";

    static final int MAX_SIGNING_KEYS = 16;
    static final int MAX_LOCALES = 20;
    static final String DEFAULT_DATA_DIR = "/var/lib/kiosk";

    private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}");
    private static final Pattern ENROLMENT_CODE = Pattern.compile("[A-Z0-9]{4}(-[A-Z0-9]{4}){1,7}");
    private static final Set<String> PROPERTIES = Set.of(
            "format",
            "centre",
            "kiosk",
            "portal",
            "trustedSigningKeys",
            "locales",
            "timeZone",
            "idleTimeoutSeconds",
            "idleWarningSeconds",
            "session",
            "openingHours",
            "attendants",
            "hardware",
            "dataDir",
            "enrolmentCode",
            "retentionDays",
            "storeMaxMegabytes");

    private final boolean strict;

    private DeviceConfigReader(boolean strict) {
        this.strict = strict;
    }

    public static DeviceConfigReader strict() {
        return new DeviceConfigReader(true);
    }

    public static DeviceConfigReader lenient() {
        return new DeviceConfigReader(false);
    }

    public DeviceConfig read(Path file) throws JsonInputException {
        String source = file.getFileName() == null
                ? file.toString()
                : file.getFileName().toString();
        try {
            long size = Files.size(file);
            long limit = JsonLimits.DEVICE_CONFIG.maxDocumentBytes();
            if (size > limit) {
                // Refused before reading, so a huge file costs nothing.
                throw new JsonInputException(source, "", "is " + size + " bytes; the limit is " + limit);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return read(in, source);
            }
        } catch (NoSuchFileException e) {
            throw new JsonInputException(source, "", "no such file");
        } catch (IOException e) {
            throw new JsonInputException(source, "", "could not be read: " + e.getMessage());
        }
    }

    public DeviceConfig read(InputStream in, String source) throws JsonInputException {
        JsonNode tree = Json.readTree(in, source, JsonLimits.DEVICE_CONFIG);
        return map(Node.root(tree, source, strict));
    }

    private static DeviceConfig map(Node root) throws JsonInputException {
        root.allowOnly(PROPERTIES);
        long format = root.integer("format", 1, Integer.MAX_VALUE);
        if (format != FORMAT) {
            throw root.error("format", "this kiosk reads configuration format " + FORMAT + ", not " + format);
        }
        Node centreNode = root.required("centre");
        String centre = centreNode.asText();
        if (!ReferenceNumber.isValidCentre(centre)) {
            throw centreNode.error("must be 3 upper-case letters, such as SOU, not '" + Node.clip(centre) + "'");
        }
        int kiosk = root.required("kiosk").asInt(1, 99);
        Portal portal = ConfigSections.portal(root.required("portal"));
        List<PublicKey> signingKeys = signingKeys(root.required("trustedSigningKeys"));
        List<String> locales = root.has("locales") ? locales(root.required("locales")) : List.of("en");
        ZoneId zone = timeZone(root.required("timeZone"));
        IdlePolicy idle = idle(root);
        SessionPolicy session =
                root.has("session") ? ConfigSections.session(root.required("session")) : SessionPolicy.DEFAULT;
        OpeningHours hours = root.has("openingHours")
                ? ConfigSections.openingHours(root.required("openingHours"))
                : OpeningHours.unrestricted();
        List<Attendant> attendants =
                root.has("attendants") ? ConfigSections.attendants(root.required("attendants")) : List.of();
        Hardware hardware = root.has("hardware") ? new HardwareMapper().map(root.required("hardware")) : Hardware.NONE;
        Path dataDir = dataDir(root);
        Optional<String> enrolmentCode = enrolmentCode(root);
        int retentionDays = optionalInt(root, "retentionDays", 30, 1, 3650);
        int storeMax = optionalInt(root, "storeMaxMegabytes", 2048, 64, 1_048_576);
        return new DeviceConfig(
                centre,
                kiosk,
                portal,
                signingKeys,
                locales,
                zone,
                idle,
                session,
                hours,
                attendants,
                hardware,
                dataDir,
                enrolmentCode,
                retentionDays,
                storeMax);
    }

    private static List<PublicKey> signingKeys(Node array) throws JsonInputException {
        List<PublicKey> keys = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node n : array.elements(MAX_SIGNING_KEYS)) {
            PublicKey key = ConfigSections.publicKey(n, Keys.ED25519);
            if (!ids.add(Keys.keyId(key))) {
                throw n.error("key " + Keys.keyId(key) + " is listed twice");
            }
            keys.add(key);
        }
        if (keys.isEmpty()) {
            throw array.error("must list at least one key, or the kiosk could never accept a bundle");
        }
        return keys;
    }

    private static List<String> locales(Node array) throws JsonInputException {
        List<String> locales = new ArrayList<>();
        for (Node n : array.elements(MAX_LOCALES)) {
            String locale = n.asText();
            if (!LOCALE.matcher(locale).matches()) {
                throw n.error("'" + Node.clip(locale) + "' is not a locale code such as en, fr or acf");
            }
            if (locales.contains(locale)) {
                throw n.error("locale '" + locale + "' is listed twice");
            }
            locales.add(locale);
        }
        if (locales.isEmpty()) {
            throw array.error("must name at least one locale");
        }
        return locales;
    }

    private static ZoneId timeZone(Node n) throws JsonInputException {
        String text = n.asText();
        try {
            if (text.length() <= 64) {
                return ZoneId.of(text);
            }
        } catch (DateTimeException e) {
            // refused below, with the same message as an over-long name
        }
        throw n.error("'" + Node.clip(text) + "' is not a time zone such as America/St_Lucia");
    }

    private static IdlePolicy idle(Node root) throws JsonInputException {
        int timeout = optionalInt(root, "idleTimeoutSeconds", 90, 30, 1800);
        int warning = optionalInt(root, "idleWarningSeconds", 30, 20, 1800);
        if (warning >= timeout) {
            throw root.error(
                    "idleWarningSeconds", "must be less than idleTimeoutSeconds (" + timeout + "), not " + warning);
        }
        return new IdlePolicy(Duration.ofSeconds(timeout), Duration.ofSeconds(warning));
    }

    private static Path dataDir(Node root) throws JsonInputException {
        if (!root.has("dataDir")) {
            return Path.of(DEFAULT_DATA_DIR);
        }
        Node n = root.required("dataDir");
        String text = n.asText(200);
        boolean plain = text.startsWith("/")
                && !text.contains("//")
                && !text.contains("\\")
                && text.chars().noneMatch(Character::isISOControl);
        if (!plain
                || text.equals("/")
                || Arrays.stream(text.split("/")).anyMatch(s -> s.equals(".") || s.equals(".."))) {
            throw n.error("must be an absolute directory such as /var/lib/kiosk, not '" + Node.clip(text) + "'");
        }
        return Path.of(text);
    }

    private static Optional<String> enrolmentCode(Node root) throws JsonInputException {
        Optional<Node> n = root.optional("enrolmentCode");
        if (n.isEmpty()) {
            return Optional.empty();
        }
        String code = n.get().asText();
        if (!ENROLMENT_CODE.matcher(code).matches()) {
            // The code is a secret: never echo it.
            throw n.get()
                    .error("must be groups of 4 upper-case letters or digits joined by '-', such as K7Q4-M2XD-9PRT");
        }
        return Optional.of(code);
    }

    static int optionalInt(Node parent, String name, int fallback, int min, int max) throws JsonInputException {
        return parent.has(name) ? parent.required(name).asInt(min, max) : fallback;
    }
}
