package org.accesscentre.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads the receipts a {@link SubmitLoop} child printed; a half-written last line is ignored. */
final class Receipts {
    record Printed(String reference, UUID transactionId) {}

    private final BufferedReader reader;
    final List<Printed> printed = new ArrayList<>();

    Receipts(Process child) {
        this.reader = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Reads lines until {@code n} more receipts arrived, or the child's output ended; true if all arrived. */
    boolean awaitReceipts(int n) throws IOException {
        int target = printed.size() + n;
        while (printed.size() < target) {
            String line = reader.readLine();
            if (line == null) {
                return false;
            }
            accept(line);
        }
        return true;
    }

    /** Reads everything left, after the child has ended. */
    void drain() throws IOException {
        String line;
        while ((line = reader.readLine()) != null) {
            accept(line);
        }
    }

    private void accept(String line) {
        String[] parts = line.split(" ");
        if (parts.length == 3 && parts[0].equals("RECEIPT") && parts[2].length() == 36) {
            printed.add(new Printed(parts[1], UUID.fromString(parts[2])));
        }
    }
}
