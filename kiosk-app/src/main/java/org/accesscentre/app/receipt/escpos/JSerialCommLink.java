package org.accesscentre.app.receipt.escpos;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.time.Duration;
import org.accesscentre.device.config.Hardware;

/**
 * The printer's serial port through jSerialComm: 8 data bits, no parity, one stop bit, the baud rate from
 * the device config. jSerialComm ships its native part for the Pi's ARM and for desktops in the jar.
 */
public final class JSerialCommLink implements SerialLink {
    // Long enough for a printer to take a full line into its buffer; a stuck port fails instead of hanging.
    private static final int WRITE_TIMEOUT_MS = 5_000;

    private final SerialPort port;

    private JSerialCommLink(SerialPort port) {
        this.port = port;
    }

    /**
     * Opens the printer's port.
     *
     * @throws IOException if the port does not exist or cannot be opened (in use, or no permission: the kiosk
     *     user needs the {@code dialout} group)
     */
    public static JSerialCommLink open(Hardware.Printer printer) throws IOException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(printer.port());
        } catch (RuntimeException e) {
            throw new IOException("There is no serial port " + printer.port() + ": " + e.getMessage(), e);
        }
        port.setComPortParameters(printer.baudRate(), 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setComPortTimeouts(SerialPort.TIMEOUT_WRITE_BLOCKING, 0, WRITE_TIMEOUT_MS);
        if (!port.openPort()) {
            throw new IOException("Could not open the printer's port " + printer.port()
                    + " (is it plugged in, and is the kiosk user in the dialout group?)");
        }
        return new JSerialCommLink(port);
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        int sent = 0;
        while (sent < bytes.length) {
            int n = port.writeBytes(bytes, bytes.length - sent, sent);
            if (n <= 0) {
                throw new IOException("The printer's port " + name() + " took " + sent + " of " + bytes.length
                        + " bytes and then stopped (error " + port.getLastErrorCode() + ")");
            }
            sent += n;
        }
    }

    @Override
    public int read(byte[] buffer, Duration timeout) throws IOException {
        int millis = Math.clamp(timeout.toMillis(), 0, Integer.MAX_VALUE);
        if (millis == 0) {
            port.setComPortTimeouts(
                    SerialPort.TIMEOUT_NONBLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, 0, WRITE_TIMEOUT_MS);
        } else {
            port.setComPortTimeouts(
                    SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                    millis,
                    WRITE_TIMEOUT_MS);
        }
        int n = port.readBytes(buffer, buffer.length);
        if (n < 0) {
            throw new IOException(
                    "Could not read from the printer's port " + name() + " (error " + port.getLastErrorCode() + ")");
        }
        return n;
    }

    @Override
    public String name() {
        return port.getSystemPortPath();
    }

    @Override
    public void close() {
        port.closePort();
    }
}
