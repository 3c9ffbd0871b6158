package org.accesscentre.sync;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.state.Enrolment;
import org.accesscentre.core.store.LocalStore;
import org.accesscentre.core.store.StoreException;
import org.accesscentre.core.wire.EnrolRequest;
import org.accesscentre.core.wire.EnrolResponse;
import org.accesscentre.device.identity.DeviceIdentity;
import org.accesscentre.sync.net.PortalClient;
import org.accesscentre.sync.net.PortalException;

/**
 * The first start: enrols with the code from the configuration and the identity key made on this device,
 * then records the device id and raises the store's sequence floor above the numbers a predecessor in the
 * same slot issued, before the app may take a request.
 */
final class Enroller {
    private final LocalStore store;
    private final PortalClient client;
    private final DeviceIdentity identity;
    private final Optional<String> code;

    Enroller(LocalStore store, PortalClient client, DeviceIdentity identity, Optional<String> code) {
        this.store = store;
        this.client = client;
        this.identity = identity;
        this.code = code;
    }

    Optional<Enrolment> current() throws StoreException {
        return DeviceState.read(store, DeviceState.ENROLMENT);
    }

    /** Enrols now; empty when there is no code to enrol with. */
    Optional<Enrolment> enrol(Instant now) throws StoreException, PortalException {
        if (code.isEmpty()) {
            return Optional.empty();
        }
        EnrolResponse r = client.enrol(new EnrolRequest(code.get(), identity.publicKeyBase64(), hardware()));
        store.raiseSequenceFloor(r.sequenceFloor());
        Enrolment enrolment = new Enrolment(r.deviceId(), r.centre(), r.kiosk(), r.sequenceFloor(), now);
        DeviceState.write(store, DeviceState.ENROLMENT, enrolment, now);
        return Optional.of(enrolment);
    }

    /** Facts the ICT office sees in the fleet view; nothing personal. */
    private static Map<String, String> hardware() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        facts.put("arch", System.getProperty("os.arch"));
        facts.put("java", System.getProperty("java.version"));
        try {
            java.nio.file.Path model = java.nio.file.Path.of("/proc/device-tree/model");
            if (java.nio.file.Files.isReadable(model)) {
                facts.put(
                        "model",
                        java.nio.file.Files.readString(model)
                                .replace("\u0000", "")
                                .strip());
            }
        } catch (java.io.IOException ignored) {
            // not a Pi, or no device tree: the other facts suffice
        }
        return facts;
    }
}
