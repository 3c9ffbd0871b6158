package org.accesscentre.core.answer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One answer, typed by the shape of the question it answers. */
public sealed interface Answer {

    /** The answer as text, as a "show only if" condition compares it; yes/no answers are "yes" and "no". */
    String canonical();

    /** Free text, a phone number, an email address or a national ID, already normalized. */
    record Text(String value) implements Answer {
        @Override
        public String canonical() {
            return value;
        }
    }

    /** A number or an amount of money. */
    record Number(BigDecimal value) implements Answer {
        @Override
        public String canonical() {
            return value.toPlainString();
        }
    }

    record Day(LocalDate value) implements Answer {
        @Override
        public String canonical() {
            return value.toString();
        }
    }

    /** The value of the option picked in a single choice or a list choice. */
    record Choice(String value) implements Answer {
        @Override
        public String canonical() {
            return value;
        }
    }

    /** The values of the options picked in a multiple choice, in the order of the options. */
    record Choices(List<String> values) implements Answer {
        public Choices {
            values = List.copyOf(values);
        }

        @Override
        public String canonical() {
            return String.join(",", values);
        }
    }

    /** A yes/no answer, or a consent given (true) or not. */
    record YesNo(boolean value) implements Answer {
        @Override
        public String canonical() {
            return value ? "yes" : "no";
        }
    }

    /** A signature drawn on the touch screen. */
    record Signature(List<Stroke> strokes) implements Answer {
        public Signature {
            strokes = List.copyOf(strokes);
        }

        public int pointCount() {
            return strokes.stream().mapToInt(Stroke::size).sum();
        }

        @Override
        public String canonical() {
            return "signature";
        }
    }
}
