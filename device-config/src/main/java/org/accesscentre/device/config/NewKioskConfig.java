package org.accesscentre.device.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.accesscentre.core.io.AtomicFiles;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.json.JsonInputException;

/**
 * The configuration of a kiosk that has not enrolled yet: where its portal is, the key its requests are sealed
 * to, the signing keys it trusts, and the one-time code it enrols with. Everything else keeps its default and
 * can be changed later by a configuration bundle.
 *
 * @param envelopeKey base64 X.509 of the portal's X25519 key
 * @param trustedSigningKeys base64 X.509 of Ed25519 keys
 */
public record NewKioskConfig(
        String centre,
        int kiosk,
        URI portal,
        String envelopeKey,
        List<String> trustedSigningKeys,
        List<String> locales,
        ZoneId timeZone,
        Path dataDir,
        String enrolmentCode) {
    public NewKioskConfig {
        trustedSigningKeys = List.copyOf(trustedSigningKeys);
        locales = List.copyOf(locales);
    }

    /** The file's text, checked by the strict reader before anyone sees it. */
    public byte[] toJson() throws JsonInputException {
        ObjectNode c = Json.wire().createObjectNode();
        c.put("format", DeviceConfigReader.FORMAT);
        c.put("centre", centre);
        c.put("kiosk", kiosk);
        ObjectNode p = c.putObject("portal");
        p.put("url", portal.toString());
        p.put("envelopeKey", envelopeKey);
        ArrayNode keys = c.putArray("trustedSigningKeys");
        trustedSigningKeys.forEach(keys::add);
        ArrayNode langs = c.putArray("locales");
        locales.forEach(langs::add);
        c.put("timeZone", timeZone.getId());
        c.put("dataDir", dataDir.toString());
        c.put("enrolmentCode", enrolmentCode);
        byte[] bytes;
        try {
            bytes = Json.wire().writerWithDefaultPrettyPrinter().writeValueAsBytes(c);
        } catch (IOException e) {
            throw new IllegalStateException("a configuration could not be written as JSON", e);
        }
        DeviceConfigReader.strict().read(new ByteArrayInputStream(bytes), "the new configuration");
        return bytes;
    }

    /**
     * Writes the file for its owner alone (it holds an enrolment code), atomically; an existing file is never
     * replaced, because it may belong to a kiosk that enrolled with it.
     */
    public DeviceConfig write(Path file) throws JsonInputException, IOException {
        byte[] bytes = toJson();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        AtomicFiles.create(file, bytes, AtomicFiles.OWNER_ONLY);
        return DeviceConfigReader.strict().read(file);
    }
}
