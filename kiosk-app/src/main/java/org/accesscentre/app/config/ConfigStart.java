package org.accesscentre.app.config;

import org.accesscentre.core.store.StoreException;
import org.accesscentre.device.config.DeviceConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the kiosk with the newest configuration it can start with. A pushed configuration the app fails to
 * build itself from is refused and the one before it tried, down to the file given with {@code --config}: the
 * kiosk must never fail to start because of a push. Only a failure with that file is the app's own.
 */
public final class ConfigStart {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigStart.class);

    private ConfigStart() {}

    /** Builds the app from the configuration in force of {@code found}. */
    @FunctionalInterface
    public interface Attempt<T> {
        /**
         * @throws RuntimeException when the app cannot be built from this configuration
         * @throws StoreException when the store fails, which no other configuration would mend
         */
        T start(DeviceConfigs.Resolution found) throws StoreException;
    }

    /** What started, and with which configuration: {@code found.inForce()}, the others refused. */
    public record Started<T>(T value, DeviceConfigs.Resolution found) {}

    /**
     * Tries the usable configurations newest first. Nothing is recorded here: a refusal takes effect only if
     * something older started, when {@link ConfigSource#open} writes it.
     */
    public static <T> Started<T> first(DeviceConfigs.Resolution found, Attempt<T> attempt) throws StoreException {
        DeviceConfigs.Resolution trying = found;
        while (true) {
            DeviceConfigs.Candidate candidate = trying.inForce();
            try {
                return new Started<>(attempt.start(trying), trying);
            } catch (RuntimeException e) {
                if (!candidate.pushed()) {
                    throw e;
                }
                LOG.error(
                        "the app cannot start with configuration version {}; trying the one before it",
                        candidate.version(),
                        e);
                trying = trying.refuseInForce("the app could not start with it: " + e);
            }
        }
    }
}
