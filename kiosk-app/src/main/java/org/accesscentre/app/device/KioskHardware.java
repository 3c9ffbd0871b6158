package org.accesscentre.app.device;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.exception.Pi4JException;
import com.pi4j.io.IOType;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accesscentre.app.device.LightState.Color;
import org.accesscentre.device.config.Hardware;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's GPIO parts: help button, status light and buzzer. A part the device config leaves out is a
 * no-op, so the app calls all three the same way on every kiosk. Pi4J stays behind these few interfaces:
 * nothing else in the app imports it.
 */
public final class KioskHardware implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KioskHardware.class);

    /** The first GPIO chip, which a Raspberry Pi's header pins are on. */
    static final Path GPIO_CHIP = Path.of("/dev/gpiochip0");

    // Pi4J's own filter on real pins, in microseconds: it drops the fastest glitches in the kernel, and
    // PressDebounce decides what a press is.
    private static final long PI4J_DEBOUNCE_MICROS = 10_000;

    private static final AtomicBoolean SAID_SIMULATED = new AtomicBoolean();

    private final HelpButton helpButton;
    private final StatusLights lights;
    private final Buzzer buzzer;
    private final @Nullable Context context;
    private @Nullable MockKioskHardware simulation;

    KioskHardware(HelpButton helpButton, StatusLights lights, Buzzer buzzer, @Nullable Context context) {
        this.helpButton = helpButton;
        this.lights = lights;
        this.buzzer = buzzer;
        this.context = context;
    }

    /** No hardware at all: every part is a no-op. */
    public static KioskHardware none() {
        return new KioskHardware(new NoHardware.Button(), new NoHardware.Lights(), new NoHardware.Silent(), null);
    }

    /**
     * The real pins of {@code config} (BCM numbers) through Pi4J's auto-detected providers (gpiod or linuxfs
     * on a Raspberry Pi). Off a Pi, where there is no {@code /dev/gpiochip0} or Pi4J finds no GPIO provider,
     * this is {@link #mock} instead, said once in the log, so a desktop runs the same code.
     *
     * @param clock for debouncing the help button
     * @param scheduler turns the buzzer off again
     */
    public static KioskHardware open(Hardware config, Clock clock, ScheduledExecutorService scheduler) {
        return open(config, clock, scheduler, GPIO_CHIP);
    }

    static KioskHardware open(Hardware config, Clock clock, ScheduledExecutorService scheduler, Path gpioChip) {
        if (!Files.exists(gpioChip)) {
            return simulated(config, clock, scheduler, "there is no " + gpioChip);
        }
        Context context;
        try {
            context = Pi4J.newAutoContext();
        } catch (Pi4JException e) {
            return simulated(config, clock, scheduler, "Pi4J could not start: " + e.getMessage());
        }
        if (!realGpio(context, IOType.DIGITAL_INPUT) || !realGpio(context, IOType.DIGITAL_OUTPUT)) {
            shutdown(context);
            return simulated(config, clock, scheduler, "Pi4J found no GPIO provider");
        }
        try {
            return wire(context, Pins.of(config), clock, scheduler, PI4J_DEBOUNCE_MICROS)
                    .hardware();
        } catch (Pi4JException e) {
            shutdown(context);
            return simulated(config, clock, scheduler, "the pins could not be set up: " + e.getMessage());
        }
    }

    /**
     * Pi4J with its mock providers: the pins of {@code config}, or when it names none (a demo or a desktop),
     * help button on 17, LEDs on 5, 6 and 13 and buzzer on 19. For tests and {@link HardwarePanel}.
     */
    public static MockKioskHardware mock(Hardware config, Clock clock, ScheduledExecutorService scheduler) {
        Context context = Pi4J.newContextBuilder()
                .noAutoDetect()
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
                .build();
        Pins pins = Pins.of(config);
        try {
            return new MockKioskHardware(wire(context, pins.isEmpty() ? Pins.DEMO : pins, clock, scheduler, 0));
        } catch (RuntimeException e) {
            shutdown(context);
            throw e;
        }
    }

    private static KioskHardware simulated(
            Hardware config, Clock clock, ScheduledExecutorService scheduler, String why) {
        if (SAID_SIMULATED.compareAndSet(false, true)) {
            LOG.info("Not on a Raspberry Pi ({}): the help button, lights and buzzer are simulated", why);
        }
        return mock(config, clock, scheduler).hardware();
    }

    /** True if some provider of {@code type} is not Pi4J's mock. */
    private static boolean realGpio(Context context, IOType type) {
        try {
            return context.providers().all(type).keySet().stream().anyMatch(id -> !id.startsWith("mock"));
        } catch (Pi4JException e) {
            return false;
        }
    }

    static Wiring wire(Context context, Pins pins, Clock clock, ScheduledExecutorService scheduler, long debounce) {
        DigitalInput help = null;
        if (pins.help().isPresent()) {
            var config = DigitalInput.newConfigBuilder(context)
                    .id("help-button")
                    .name("Help button")
                    .address(pins.help().getAsInt())
                    .pull(PullResistance.PULL_DOWN);
            if (debounce > 0) {
                config.debounce(debounce, TimeUnit.MICROSECONDS);
            }
            help = context.create(config.build());
        }
        Map<Color, DigitalOutput> leds = new EnumMap<>(Color.class);
        pins.leds().ifPresent(l -> {
            leds.put(Color.GREEN, output(context, "led-green", "Online light", l.green()));
            leds.put(Color.AMBER, output(context, "led-amber", "Waiting light", l.amber()));
            leds.put(Color.RED, output(context, "led-red", "Fault light", l.red()));
        });
        DigitalOutput buzzer = pins.buzzer().isPresent()
                ? output(context, "buzzer", "Buzzer", pins.buzzer().getAsInt())
                : null;
        KioskHardware hardware = new KioskHardware(
                help == null ? new NoHardware.Button() : new Pi4jHelpButton(help, clock),
                leds.isEmpty() ? new NoHardware.Lights() : new Pi4jStatusLights(leds),
                buzzer == null ? new NoHardware.Silent() : new Pi4jBuzzer(buzzer, scheduler),
                context);
        return new Wiring(hardware, help, leds, buzzer);
    }

    private static DigitalOutput output(Context context, String id, String name, int pin) {
        return context.create(DigitalOutput.newConfigBuilder(context)
                .id(id)
                .name(name)
                .address(pin)
                .initial(DigitalState.LOW)
                .shutdown(DigitalState.LOW)
                .build());
    }

    public HelpButton helpButton() {
        return helpButton;
    }

    public StatusLights lights() {
        return lights;
    }

    public Buzzer buzzer() {
        return buzzer;
    }

    /** The mock behind these parts when they are simulated, for {@link HardwarePanel}; empty on real pins. */
    public Optional<MockKioskHardware> simulation() {
        return Optional.ofNullable(simulation);
    }

    void simulatedBy(MockKioskHardware mock) {
        this.simulation = mock;
    }

    /** Turns the lights and buzzer off, stops listening to the button and releases the pins. */
    @Override
    public void close() {
        helpButton.close();
        lights.close();
        buzzer.close();
        if (context != null) {
            shutdown(context);
        }
    }

    private static void shutdown(Context context) {
        try {
            context.shutdown();
        } catch (Pi4JException e) {
            LOG.warn("Pi4J did not shut down cleanly: {}", e.toString());
        }
    }

    /** The GPIO pins in use; empty where the config has no such part. */
    record Pins(OptionalInt help, Optional<Hardware.Leds> leds, OptionalInt buzzer) {
        static final Pins DEMO =
                new Pins(OptionalInt.of(17), Optional.of(new Hardware.Leds(5, 6, 13)), OptionalInt.of(19));

        static Pins of(Hardware config) {
            return new Pins(config.helpButtonPin(), config.leds(), config.buzzerPin());
        }

        boolean isEmpty() {
            return help.isEmpty() && leds.isEmpty() && buzzer.isEmpty();
        }
    }

    /** The parts and the Pi4J pins under them, for the mock to drive and read. */
    record Wiring(
            KioskHardware hardware,
            @Nullable DigitalInput help,
            Map<Color, DigitalOutput> leds,
            @Nullable DigitalOutput buzzer) {}
}
