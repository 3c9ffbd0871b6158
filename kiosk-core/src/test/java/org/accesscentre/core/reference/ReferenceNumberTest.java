package org.accesscentre.core.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReferenceNumberTest {
    private static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @Test
    void printsCentreKioskSequenceAndCheck() {
        ReferenceNumber ref = new ReferenceNumber("SOU", 3, 127);
        assertTrue(ref.toString().matches("SOU-03-000127-[2-9A-HJKMNP-Z]"), ref.toString());
        assertEquals(ref.toString().replace('-', ' '), ref.spaced());
        assertEquals(Optional.of(ref), ReferenceNumber.parse(ref.toString()));
    }

    @Test
    void longSequencesUseMoreDigits() {
        ReferenceNumber ref = new ReferenceNumber("VFT", 12, 1_234_567);
        assertTrue(ref.toString().startsWith("VFT-12-1234567-"));
        assertEquals(Optional.of(ref), ReferenceNumber.parse(ref.toString()));
    }

    @Test
    void readsWhatPeopleTypeIncludingLookAlikes() {
        ReferenceNumber ref = new ReferenceNumber("SOU", 3, 127);
        String printed = ref.toString();
        char check = printed.charAt(printed.length() - 1);
        assertEquals(Optional.of(ref), ReferenceNumber.parse("sou 03 000127 " + Character.toLowerCase(check)));
        assertEquals(Optional.of(ref), ReferenceNumber.parse("SOU03000127" + check));
        assertEquals(Optional.of(ref), ReferenceNumber.parse("S0U-O3-OOO127-" + check));
        assertEquals(Optional.of(ref), ReferenceNumber.parse("SOU-03-000I27-" + check));
    }

    @Test
    void refusesMalformedReferences() {
        for (String bad : new String[] {
            "",
            "SOU",
            "SOU-03-00127-K",
            "SOUX-03-000127-K",
            "SO-03-000127-K",
            "SOU-00-000127-K",
            "SOU-03-000000-K",
            "SOU-03-0000127-" + new ReferenceNumber("SOU", 3, 127).check(),
            "x".repeat(100)
        }) {
            assertEquals(Optional.empty(), ReferenceNumber.parse(bad), bad);
        }
    }

    @Test
    void refusesImpossibleParts() {
        assertThrows(IllegalArgumentException.class, () -> new ReferenceNumber("SO", 3, 1));
        assertThrows(IllegalArgumentException.class, () -> new ReferenceNumber("SOU", 100, 1));
        assertThrows(IllegalArgumentException.class, () -> new ReferenceNumber("SOU", 3, 0));
        assertThrows(
                IllegalArgumentException.class, () -> new ReferenceNumber("SOU", 3, ReferenceNumber.MAX_SEQUENCE + 1));
    }

    /**
     * For thousands of references, every single-character substitution by any letter or digit, and every
     * swap of two neighbouring characters, is either refused or reads back as the very same reference (as
     * when O is typed for 0 among the digits). None is ever mistaken for a different reference.
     */
    @Test
    void everySingleSubstitutionAndEveryNeighbourSwapIsDetected() {
        int checked = 0;
        for (ReferenceNumber ref : sample()) {
            String compact = ref.toString().replace("-", "");
            for (int pos = 0; pos < compact.length(); pos++) {
                for (char c : ALPHANUMERIC.toCharArray()) {
                    if (c == compact.charAt(pos)) {
                        continue;
                    }
                    String typo = compact.substring(0, pos) + c + compact.substring(pos + 1);
                    assertNotMistaken(ref, typo);
                    checked++;
                }
            }
            for (int pos = 0; pos + 1 < compact.length(); pos++) {
                if (compact.charAt(pos) == compact.charAt(pos + 1)) {
                    continue;
                }
                String swapped = compact.substring(0, pos)
                        + compact.charAt(pos + 1)
                        + compact.charAt(pos)
                        + compact.substring(pos + 2);
                assertNotMistaken(ref, swapped);
                checked++;
            }
        }
        assertTrue(checked > 1_000_000, "checked " + checked);
    }

    private static void assertNotMistaken(ReferenceNumber original, String typed) {
        Optional<ReferenceNumber> read = ReferenceNumber.parse(typed);
        if (read.isPresent() && !read.get().equals(original)) {
            throw new AssertionError(typed + " was read as " + read.get() + ", a typo of " + original);
        }
    }

    /** Every kiosk number, the first and last sequences, and random centres and sequences. */
    private static List<ReferenceNumber> sample() {
        List<ReferenceNumber> refs = new ArrayList<>();
        Random random = new Random(20261122);
        for (int kiosk = 1; kiosk <= 99; kiosk++) {
            refs.add(new ReferenceNumber("SOU", kiosk, 1));
            refs.add(new ReferenceNumber("GRO", kiosk, 999_999));
            refs.add(new ReferenceNumber("ILO", kiosk, 1_000_000));
        }
        for (int i = 0; i < 3000; i++) {
            String centre = "" + letter(random) + letter(random) + letter(random);
            refs.add(new ReferenceNumber(centre, 1 + random.nextInt(99), 1 + random.nextInt(2_000_000)));
        }
        return refs;
    }

    private static char letter(Random random) {
        return (char) ('A' + random.nextInt(26));
    }
}
