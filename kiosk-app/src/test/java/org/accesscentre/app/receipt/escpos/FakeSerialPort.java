package org.accesscentre.app.receipt.escpos;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * A printer on a fake serial port: it records every write and answers the real-time status queries (DLE EOT
 * 1, 2 and 4) as a printer in the chosen {@link Condition} would. It never waits: a silent printer's read
 * returns 0 at once, as a real port does when its timeout has passed.
 *
 * <pre>{@code
 * FakeSerialPort port = new FakeSerialPort();
 * port.condition(FakeSerialPort.Condition.PAPER_OUT);
 * ReceiptPrinter printer = new SerialEscPosPrinter(port, new EscPosEncoder());
 * printer.print(receipt);           // NotPrinted(PAPER_OUT)
 * port.printed();                   // empty: only status queries were written
 * }</pre>
 */
public final class FakeSerialPort implements SerialLink {
    /** How the fake printer answers. */
    public enum Condition {
        /** Online, paper in, cover shut. */
        OK(0x12, 0x12, 0x12),
        /** Prints, but the paper-low sensor is on. */
        PAPER_NEAR_END(0x12, 0x12, 0x1e),
        /** Offline because the roll is empty. */
        PAPER_OUT(0x1a, 0x32, 0x72),
        /** Offline because the cover is open. */
        COVER_OPEN(0x1a, 0x16, 0x12),
        /** Offline with a cutter or other fault. */
        ERROR(0x1a, 0x52, 0x12),
        /** Switched off or unplugged: nothing answers. */
        SILENT(-1, -1, -1);

        private final int printer;
        private final int offlineCause;
        private final int paper;

        Condition(int printer, int offlineCause, int paper) {
            this.printer = printer;
            this.offlineCause = offlineCause;
            this.paper = paper;
        }

        int answer(int n) {
            return switch (n) {
                case 1 -> printer;
                case 2 -> offlineCause;
                case 4 -> paper;
                default -> -1;
            };
        }
    }

    private final String name;
    private final List<byte[]> writes = new ArrayList<>();
    private final Deque<Byte> incoming = new ArrayDeque<>();
    private Condition condition = Condition.OK;
    private boolean closed;

    public FakeSerialPort() {
        this("/dev/ttyFAKE0");
    }

    public FakeSerialPort(String name) {
        this.name = name;
    }

    public synchronized void condition(Condition condition) {
        this.condition = condition;
    }

    /** Bytes that arrive unasked, such as a late answer: the printer must not take them for its answer. */
    public synchronized void noise(byte... bytes) {
        for (byte b : bytes) {
            incoming.add(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes) throws IOException {
        if (closed) {
            throw new IOException("the fake port " + name + " is closed");
        }
        writes.add(bytes.clone());
        if (isQuery(bytes)) {
            int answer = condition.answer(bytes[2]);
            if (answer >= 0) {
                incoming.add((byte) answer);
            }
        }
    }

    @Override
    public synchronized int read(byte[] buffer, Duration timeout) throws IOException {
        if (closed) {
            throw new IOException("the fake port " + name + " is closed");
        }
        int n = 0;
        while (n < buffer.length && !incoming.isEmpty()) {
            buffer[n++] = incoming.removeFirst();
        }
        return n;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    public synchronized boolean closed() {
        return closed;
    }

    /** Every write, in order, each as it was passed. */
    public synchronized List<byte[]> writes() {
        return writes.stream().map(byte[]::clone).toList();
    }

    /** The status queries written, by their n: such as {@code [1, 4]}. */
    public synchronized List<Integer> queries() {
        return writes.stream()
                .filter(FakeSerialPort::isQuery)
                .map(w -> (int) w[2])
                .toList();
    }

    /** Everything written that is not a status query: what came out on paper. */
    public synchronized byte[] printed() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writes.stream().filter(w -> !isQuery(w)).forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static boolean isQuery(byte[] bytes) {
        return bytes.length == 3 && Arrays.equals(bytes, SerialEscPosPrinter.statusQuery(bytes[2]));
    }
}
