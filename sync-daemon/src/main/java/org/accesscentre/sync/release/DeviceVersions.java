package org.accesscentre.sync.release;

/** What the kiosk has now, for a release's minimum versions: catalogue, configuration and store schema. */
public record DeviceVersions(long catalogue, long config, long storeSchema) {}
