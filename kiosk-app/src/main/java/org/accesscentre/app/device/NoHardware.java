package org.accesscentre.app.device;

import java.time.Duration;
import java.util.Objects;

/** Stand-ins for parts a kiosk does not have: they accept every call and do nothing. */
final class NoHardware {
    private NoHardware() {}

    static final class Button implements HelpButton {
        @Override
        public void onPressed(Runnable listener) {
            Objects.requireNonNull(listener, "listener");
        }

        @Override
        public void close() {}
    }

    /** Remembers what it was asked to show, so the attendant's screen can still say it. */
    static final class Lights implements StatusLights {
        private volatile LightState shown = LightState.OFF;

        @Override
        public void show(LightState state) {
            shown = Objects.requireNonNull(state, "state");
        }

        @Override
        public LightState shown() {
            return shown;
        }

        @Override
        public void close() {
            shown = LightState.OFF;
        }
    }

    static final class Silent implements Buzzer {
        @Override
        public void sound(Duration length) {
            if (length.isNegative()) {
                throw new IllegalArgumentException("a buzzer cannot sound for " + length);
            }
        }

        @Override
        public void close() {}
    }
}
