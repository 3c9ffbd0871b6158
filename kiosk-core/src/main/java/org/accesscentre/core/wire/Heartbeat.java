package org.accesscentre.core.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A device's health, posted at the interval the portal sets.
 *
 * @param oldestUnsentSeconds by the kiosk's clock; 0 when the queue is empty
 * @param temperatureCelsius the CPU's, or null where there is no sensor
 * @param printerState ok, paper_out, cover_open, offline or none
 * @param clockOffsetMillis the kiosk's clock minus the portal's, as last measured
 * @param lastError the last problem in words, or null
 * @param kioskTime the kiosk's clock when sent
 * @param commandResults confirmations of commands carried out since the last heartbeat
 * @param refused bundles newer than the ones in force that the device refused, with the reason: a rollout
 *     hears of a failure here, with no request of its own (absent when there is none)
 */
// Absent rather than null or []: a heartbeat crosses a metered link every minute.
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Heartbeat(
        String appVersion,
        long catalogueVersion,
        long configVersion,
        int queueDepth,
        long oldestUnsentSeconds,
        long bytesWaiting,
        long diskFreeBytes,
        @Nullable Double temperatureCelsius,
        String printerState,
        long clockOffsetMillis,
        @Nullable String lastError,
        Instant kioskTime,
        List<CommandResult> commandResults,
        List<BundleRefused> refused) {
    public Heartbeat {
        commandResults = commandResults == null ? List.of() : List.copyOf(commandResults);
        refused = refused == null ? List.of() : List.copyOf(refused);
    }

    /** A heartbeat with no refused bundle, as most are. */
    public Heartbeat(
            String appVersion,
            long catalogueVersion,
            long configVersion,
            int queueDepth,
            long oldestUnsentSeconds,
            long bytesWaiting,
            long diskFreeBytes,
            @Nullable Double temperatureCelsius,
            String printerState,
            long clockOffsetMillis,
            @Nullable String lastError,
            Instant kioskTime,
            List<CommandResult> commandResults) {
        this(
                appVersion,
                catalogueVersion,
                configVersion,
                queueDepth,
                oldestUnsentSeconds,
                bytesWaiting,
                diskFreeBytes,
                temperatureCelsius,
                printerState,
                clockOffsetMillis,
                lastError,
                kioskTime,
                commandResults,
                List.of());
    }
}
