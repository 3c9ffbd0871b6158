package org.accesscentre.app.receipt;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What became of a receipt. The app switches over the cases to tell the citizen in their language;
 * {@link #describe()} is the same in plain English for the attendant's screen and the log.
 */
public sealed interface PrintResult {
    String describe();

    /** On paper: the citizen can take it from the printer. */
    record Printed(String printer) implements PrintResult {
        public Printed {
            Objects.requireNonNull(printer, "printer");
        }

        @Override
        public String describe() {
            return "Printed on " + printer;
        }
    }

    /** Saved as an image the screen can show. */
    record Saved(Path file) implements PrintResult {
        public Saved {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String describe() {
            return "Saved to " + file;
        }
    }

    /**
     * The printer said before printing that it cannot: nothing came out, and the same receipt can be printed
     * again once the attendant has fixed the problem.
     */
    record NotPrinted(Problem problem, String detail) implements PrintResult {
        public NotPrinted {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public String describe() {
            return "Not printed: " + problem.words + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }

    /** What a receipt printer reports about itself, each something the attendant can fix. */
    enum Problem {
        PAPER_OUT("the printer is out of paper"),
        COVER_OPEN("the printer's cover is open"),
        PRINTER_OFFLINE("the printer is switched off or not connected");

        private final String words;

        Problem(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }
}
