package org.accesscentre.app.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.accesscentre.app.device.LightState.Color;
import org.accesscentre.device.config.Hardware;
import org.accesscentre.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KioskHardwareTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-04-14T10:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final AtomicInteger presses = new AtomicInteger();
    private MockKioskHardware mock;

    @BeforeEach
    void mockHardware() {
        mock = KioskHardware.mock(Hardware.NONE, clock, scheduler);
        mock.helpButton().onPressed(presses::incrementAndGet);
    }

    @AfterEach
    void shutDownPi4j() {
        mock.close();
    }

    @Test
    void aPressGivesOneCall() {
        mock.pressHelp();

        assertEquals(1, presses.get());
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 5, 9})
    void aBouncingPressAndReleaseGiveExactlyOneCall(int edges) {
        mock.bounce(edges); // closing: several edges within a millisecond, ending pressed
        clock.advance(Duration.ofMillis(2));
        mock.bounce(2); // a late bounce while held: open and closed again
        clock.advance(Duration.ofMillis(250));
        mock.bounce(edges); // opening: a burst of edges again, ending released
        clock.advance(Duration.ofMillis(1));
        mock.bounce(2); // and a last flick after it

        assertEquals(1, presses.get());
    }

    @Test
    void twoPressesFarApartGiveTwoCalls() {
        mock.pressHelp();
        clock.advance(Duration.ofSeconds(1));
        mock.pressHelp();

        assertEquals(2, presses.get());
    }

    @Test
    void aPressWithinTheQuietTimeOfTheLastEdgeIsBounceButOneJustAfterCounts() {
        mock.pressHelp();
        clock.advance(PressDebounce.QUIET.minusMillis(1));
        mock.pressHelp();
        assertEquals(1, presses.get(), "49 ms after the release is still bounce");

        clock.advance(PressDebounce.QUIET);
        mock.pressHelp();
        assertEquals(2, presses.get(), "50 ms of quiet, then a press: a new press");
    }

    @Test
    void aClosedButtonCallsNoOne() {
        mock.helpButton().close();

        mock.pressHelp();

        assertEquals(0, presses.get());
    }

    @Test
    void aFailingListenerDoesNotStopLaterPresses() {
        mock.helpButton().onPressed(() -> {
            presses.incrementAndGet();
            throw new IllegalStateException("listener bug");
        });

        mock.pressHelp();
        clock.advance(Duration.ofSeconds(1));
        mock.pressHelp();

        assertEquals(2, presses.get());
    }

    @Test
    void theLedsFollowEveryState() {
        for (int bits = 0; bits < 8; bits++) {
            LightState state = new LightState((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0);

            mock.lights().show(state);

            assertEquals(state, mock.lit(), "pins for " + state);
            assertEquals(state, mock.lights().shown());
            assertEquals(state.online(), mock.led(Color.GREEN));
            assertEquals(state.waiting(), mock.led(Color.AMBER));
            assertEquals(state.fault(), mock.led(Color.RED));
        }
    }

    @Test
    void closingTurnsTheLightsAndBuzzerOff() {
        mock.lights().show(new LightState(true, true, true));
        mock.buzzer().sound(Duration.ofSeconds(5));

        mock.hardware().lights().close();
        mock.hardware().buzzer().close();

        assertEquals(LightState.OFF, mock.lit());
        assertFalse(mock.buzzing());
        assertEquals(0, scheduler.pending());
    }

    @Test
    void theBuzzerSoundsForItsLengthThenStops() {
        mock.buzzer().sound(Duration.ofMillis(300));
        assertTrue(mock.buzzing());

        scheduler.advance(Duration.ofMillis(299));
        assertTrue(mock.buzzing(), "still within its length");

        scheduler.advance(Duration.ofMillis(1));
        assertFalse(mock.buzzing());
    }

    @Test
    void soundingAgainRestartsTheLength() {
        mock.buzzer().sound(Duration.ofMillis(300));
        scheduler.advance(Duration.ofMillis(200));
        mock.buzzer().sound(Duration.ofMillis(300));

        scheduler.advance(Duration.ofMillis(200));
        assertTrue(mock.buzzing(), "the first sound's stop must not cut the second short");

        scheduler.advance(Duration.ofMillis(100));
        assertFalse(mock.buzzing());
    }

    @Test
    void aNegativeLengthIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> mock.buzzer().sound(Duration.ofMillis(-1)));
    }

    @Test
    void theConfiguredPinsAreUsedAndAbsentPartsAreNoOps() {
        Hardware onlyLights = new Hardware(
                OptionalInt.empty(), Optional.of(new Hardware.Leds(22, 23, 24)), OptionalInt.empty(), Optional.empty());
        try (MockKioskHardware lightsOnly = KioskHardware.mock(onlyLights, clock, scheduler)) {
            lightsOnly.lights().show(new LightState(true, false, true));
            lightsOnly.buzzer().sound(Duration.ofSeconds(1));
            lightsOnly.helpButton().onPressed(presses::incrementAndGet);

            assertEquals(new LightState(true, false, true), lightsOnly.lit());
            assertFalse(lightsOnly.buzzing());
            assertFalse(lightsOnly.hasHelpButton());
            assertThrows(IllegalStateException.class, lightsOnly::pressHelp);
        }
    }

    @Test
    void offAPiOpenFallsBackToTheMock() {
        try (KioskHardware hardware =
                KioskHardware.open(Hardware.NONE, clock, scheduler, Path.of("/nonexistent/gpiochip0"))) {
            assertTrue(hardware.simulation().isPresent());
            hardware.lights().show(new LightState(true, false, false));
            assertTrue(hardware.simulation().orElseThrow().led(Color.GREEN));
        }
    }

    @Test
    void noHardwareAcceptsEverythingAndRemembersTheLight() {
        try (KioskHardware none = KioskHardware.none()) {
            none.helpButton().onPressed(presses::incrementAndGet);
            none.lights().show(new LightState(false, true, false));
            none.buzzer().sound(Duration.ofSeconds(1));

            assertEquals(new LightState(false, true, false), none.lights().shown());
            assertTrue(none.simulation().isEmpty());
        }
    }
}
