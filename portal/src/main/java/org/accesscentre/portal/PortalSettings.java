package org.accesscentre.portal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * How a portal runs.
 *
 * @param dataDir keys, scratch space and, without {@code databaseUrl}, the SQLite database
 * @param databaseUrl a {@code jdbc:postgresql:} URL, or null for SQLite in the data directory
 * @param zone the country's time zone: days for figures, and "today" for date rules
 * @param heartbeat how often devices are told to call
 */
public record PortalSettings(
        Path dataDir, @Nullable String databaseUrl, String host, int port, ZoneId zone, Duration heartbeat) {

    public static PortalSettings defaults(Path dataDir) {
        return new PortalSettings(
                dataDir, null, "0.0.0.0", 8080, ZoneId.of("America/St_Lucia"), Duration.ofSeconds(60));
    }

    public PortalSettings withDatabase(@Nullable String url) {
        return new PortalSettings(dataDir, url, host, port, zone, heartbeat);
    }

    public PortalSettings withAddress(String newHost, int newPort) {
        return new PortalSettings(dataDir, databaseUrl, newHost, newPort, zone, heartbeat);
    }

    public PortalSettings withHeartbeat(Duration interval) {
        return new PortalSettings(dataDir, databaseUrl, host, port, zone, interval);
    }
}
