package org.accesscentre.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/** Readings of the machine a kiosk runs on, for the heartbeat and the attendant's health panel. */
public final class Machine {
    /** Where Linux on a Raspberry Pi gives the CPU temperature, in thousandths of a degree. */
    public static final Path CPU_TEMPERATURE = Path.of("/sys/class/thermal/thermal_zone0/temp");

    private Machine() {}

    /** Free bytes on the disk that holds {@code dir}; 0 when it cannot be read. */
    public static long diskFree(Path dir) {
        try {
            return Files.getFileStore(Files.createDirectories(dir)).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The CPU temperature from {@code sensor} in °C; empty where there is no such sensor or it reads oddly. */
    public static OptionalDouble temperature(Path sensor) {
        try {
            if (!Files.isReadable(sensor)) {
                return OptionalDouble.empty();
            }
            String millidegrees = Files.readString(sensor).strip();
            return millidegrees.matches("-?[0-9]{1,7}")
                    ? OptionalDouble.of(Integer.parseInt(millidegrees) / 1000.0)
                    : OptionalDouble.empty();
        } catch (IOException e) {
            return OptionalDouble.empty();
        }
    }
}
