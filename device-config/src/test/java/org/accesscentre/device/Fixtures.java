package org.accesscentre.device;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.device.pin.PinHasher;

/** Realistic inputs for tests: a small valid catalogue and a complete device configuration. */
public final class Fixtures {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Hashing at the lowest accepted work factor costs a tenth of a second: done once for all tests. */
    private static final String MARIE_PIN_HASH = new PinHasher(PinHasher.MIN_ITERATIONS, new SecureRandom())
            .hash("4821".toCharArray())
            .encoded();

    private static final String LUCIEN_PIN_HASH = new PinHasher(PinHasher.MIN_ITERATIONS, new SecureRandom())
            .hash("7315".toCharArray())
            .encoded();

    private Fixtures() {}

    /** A catalogue with one service, in English and French. */
    public static String catalogueJson(long version) {
        return """
                {
                  "format": 1,
                  "version": %d,
                  "locales": ["en", "fr"],
                  "categories": [{"id": "family", "icon": "family",
                    "title": {"en": "Family", "fr": "Famille"},
                    "description": {"en": "Births and marriages", "fr": "Naissances et mariages"}}],
                  "agencies": [{"id": "registry", "name": {"en": "Civil Registry", "fr": "État civil"}}],
                  "services": [{
                    "id": "birth-certificate", "version": 1, "category": "family", "agency": "registry",
                    "text": {
                      "en": {"title": "Birth certificate", "summary": "Ask for a certified copy.",
                             "whatYouNeed": ["Your ID card"], "fee": "EC$10", "processingTime": "5 working days",
                             "confirmation": "The registry will call you."},
                      "fr": {"title": "Acte de naissance", "summary": "Demandez une copie certifiée.",
                             "whatYouNeed": ["Votre carte d'identité"], "fee": "10 EC$",
                             "processingTime": "5 jours ouvrables", "confirmation": "L'état civil vous appellera."}
                    },
                    "fields": [{"id": "full-name", "type": "text", "label": {"en": "Full name", "fr": "Nom complet"}}]
                  }]
                }
                """.formatted(version);
    }

    /** A directory holding only {@code catalogue.json}. */
    public static Path catalogueDir(Path parent, long version) {
        try {
            Path dir = Files.createDirectories(parent.resolve("catalogue-" + version));
            Files.writeString(dir.resolve("catalogue.json"), catalogueJson(version), StandardCharsets.UTF_8);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The configuration from the reader's javadoc, with real keys and PIN hashes. */
    public static ObjectNode configJson(KeyPair signing) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", 1).put("centre", "SOU").put("kiosk", 3);
        ObjectNode portal = root.putObject("portal");
        portal.put("url", "https://portal.gov.lc");
        portal.put("envelopeKey", Keys.toBase64(Keys.generate(Keys.X25519).getPublic()));
        portal.putArray("pinSha256").add("q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=");
        root.putArray("trustedSigningKeys").add(Keys.toBase64(signing.getPublic()));
        root.putArray("locales").add("en").add("fr");
        root.put("timeZone", "America/St_Lucia");
        root.put("idleTimeoutSeconds", 120).put("idleWarningSeconds", 30);
        ObjectNode session = root.putObject("session").put("limitMinutes", 30);
        session.putArray("warningMinutes").add(5).add(1);
        ObjectNode hours = root.putObject("openingHours");
        hours.putObject("monday").put("open", "08:00").put("close", "16:30");
        hours.putObject("saturday").put("open", "09:00").put("close", "12:00");
        root.putArray("attendants")
                .add(MAPPER.createObjectNode()
                        .put("id", "marie")
                        .put("name", "Marie Joseph")
                        .put("pinHash", MARIE_PIN_HASH))
                .add(MAPPER.createObjectNode()
                        .put("id", "lucien")
                        .put("name", "Lucien Charles")
                        .put("pinHash", LUCIEN_PIN_HASH));
        ObjectNode hardware =
                root.putObject("hardware").put("helpButtonPin", 17).put("buzzerPin", 25);
        hardware.putObject("leds").put("green", 22).put("amber", 23).put("red", 24);
        hardware.putObject("printer").put("port", "/dev/ttyUSB0").put("baudRate", 19200);
        root.put("dataDir", "/var/lib/kiosk");
        root.put("enrolmentCode", "K7Q4-M2XD-9PRT");
        root.put("retentionDays", 30).put("storeMaxMegabytes", 2048);
        return root;
    }

    /** Only what a configuration must have. */
    public static ObjectNode minimalConfigJson(KeyPair signing) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", 1).put("centre", "VFT").put("kiosk", 1);
        root.putObject("portal")
                .put("url", "https://portal.gov.lc")
                .put("envelopeKey", Keys.toBase64(Keys.generate(Keys.X25519).getPublic()));
        root.putArray("trustedSigningKeys").add(Keys.toBase64(signing.getPublic()));
        root.put("timeZone", "America/St_Lucia");
        return root;
    }

    public static Path write(Path file, ObjectNode json) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
