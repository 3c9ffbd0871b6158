package org.accesscentre.device.pin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PinHasherTest {
    /** A small work factor keeps the tests fast; the format and the checks do not depend on it. */
    private final PinHasher hasher = new PinHasher(1_000, new SecureRandom());

    @Test
    void theRightPinVerifiesAndAWrongOneDoesNot() {
        PinHash hash = hasher.hash("4821".toCharArray());

        assertTrue(PinHasher.verify("4821".toCharArray(), hash));
        assertFalse(PinHasher.verify("4822".toCharArray(), hash));
        assertFalse(PinHasher.verify("48210".toCharArray(), hash));
        assertFalse(PinHasher.verify("".toCharArray(), hash));
    }

    @Test
    void theSamePinHashesDifferentlyEachTime() {
        PinHash first = hasher.hash("123456".toCharArray());
        PinHash second = hasher.hash("123456".toCharArray());

        assertNotEquals(first, second);
        assertTrue(PinHasher.verify("123456".toCharArray(), second));
    }

    @Test
    void textFormNamesSchemeIterationsSaltAndHash() {
        String text = hasher.hash("0000".toCharArray()).encoded();

        String[] parts = text.split("\\$");
        assertEquals(4, parts.length, text);
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals("1000", parts[1]);
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
    }

    @Test
    void textFormReadsBackToAHashThatStillVerifies() {
        PinHash hash = hasher.hash("99887766".toCharArray());

        PinHash parsed = PinHash.parse(hash.encoded());

        assertEquals(hash, parsed);
        assertTrue(PinHasher.verify("99887766".toCharArray(), parsed));
    }

    @Test
    void aKnownVectorStillVerifies() {
        // PBKDF2-HMAC-SHA256("1234", salt 0x00..0x0f, 1000 iterations), computed independently with Python's hashlib.
        PinHash known = PinHash.parse(
                "pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw==$IkDqKiJ1SjxGEDVu+OTXrPJa8qw9LRGGbel6i3gSxSw=");

        assertTrue(PinHasher.verify("1234".toCharArray(), known));
        assertFalse(PinHasher.verify("1235".toCharArray(), known));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123", "1234567890123", "12a4", " 1234", "1234\n", "١٢٣٤", "-123"})
    void onlyFourToTwelveAsciiDigitsArePins(String pin) {
        assertFalse(PinHasher.isValidPin(pin.toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> hasher.hash(pin.toCharArray()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "pbkdf2-sha1$1000$AAECAwQFBgcICQoLDA0ODw==$IkDqKiJ1SjxGEDVu+OTXrPJa8qw9LRGGbel6i3gSxSw=",
                "pbkdf2-sha256$0$AAECAwQFBgcICQoLDA0ODw==$IkDqKiJ1SjxGEDVu+OTXrPJa8qw9LRGGbel6i3gSxSw=",
                "pbkdf2-sha256$99999999$AAECAwQFBgcICQoLDA0ODw==$IkDqKiJ1SjxGEDVu+OTXrPJa8qw9LRGGbel6i3gSxSw=",
                "pbkdf2-sha256$1000$AAEC$IkDqKiJ1SjxGEDVu+OTXrPJa8qw9LRGGbel6i3gSxSw=",
                "pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw==$AAAA",
                "4821"
            })
    void malformedHashTextIsRefused(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PinHash.parse(text));

        assertFalse(e.getMessage().contains("IkDqKiJ1"), "the hash is never echoed: " + e.getMessage());
    }

    @Test
    void theDefaultWorkFactorIsAtLeastTheFloor() {
        PinHash hash = new PinHasher().hash("2468".toCharArray());

        assertEquals(PinHasher.DEFAULT_ITERATIONS, hash.iterations());
        assertTrue(hash.iterations() >= 210_000);
    }

    @Test
    void toStringNeverShowsTheHash() {
        PinHash hash = hasher.hash("4821".toCharArray());

        assertEquals("pbkdf2-sha256$1000$...", hash.toString());
    }
}
