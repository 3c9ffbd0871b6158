package org.accesscentre.app.receipt.escpos;

import java.io.IOException;
import java.time.Duration;

/**
 * A two-way byte link to a printer: the serial port on the kiosk, a fake in tests. Small on purpose, so
 * {@link SerialEscPosPrinter} is tested without a port.
 */
public interface SerialLink extends AutoCloseable {
    /** Sends all of {@code bytes}, blocking until they are handed to the port. */
    void write(byte[] bytes) throws IOException;

    /**
     * Reads what has arrived into {@code buffer}, waiting at most {@code timeout} for the first byte.
     *
     * @return how many bytes were read; 0 when nothing came in time
     */
    int read(byte[] buffer, Duration timeout) throws IOException;

    /** The port's name for messages and {@code PrintResult.Printed}, such as {@code /dev/ttyUSB0}. */
    String name();

    @Override
    void close();
}
