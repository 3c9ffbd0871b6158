package org.accesscentre.core.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * In a heartbeat's reply: the software release a rollout offers this device, fetched from {@code GET
 * /api/v1/device/release} (resumable with {@code Range}) and installed when the kiosk is idle.
 *
 * @param size the bundle's length in bytes
 * @param sha256 the bundle's SHA-256, lower-case hex
 * @param rollback present when the release is older than what the device runs: the ICT office's signed order
 *     to go back, without which the device refuses it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReleaseOffered(
        long version, long size, String sha256, @Nullable SignedOrder rollback) {}
