package org.accesscentre.core.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Exhaustive checks of the algebra behind the check character. Together they prove that, inside a
 * well-formed reference, every single substitution and every swap of neighbours changes the final interim
 * value, which the check character then exposes.
 */
class CheckCharacterTest {
    private static final String DIGITS = "0123456789";
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @Test
    void theCheckAlphabetHasThirtyOneUnambiguousSymbols() {
        assertEquals(CheckCharacter.MODULUS, CheckCharacter.ALPHABET.length());
        for (char c : "01ILO".toCharArray()) {
            assertEquals(-1, CheckCharacter.ALPHABET.indexOf(c), "ambiguous symbol " + c);
        }
        assertEquals(31, CheckCharacter.ALPHABET.chars().distinct().count());
    }

    @Test
    void valuesAreOneToOneWithinEachClass() {
        for (String cls : new String[] {DIGITS, LETTERS, CheckCharacter.ALPHABET}) {
            Set<Integer> seen = new HashSet<>();
            for (char c : cls.toCharArray()) {
                int v = CheckCharacter.value(c);
                assertTrue(v >= 0 && v < CheckCharacter.MODULUS);
                assertTrue(seen.add(v), "two characters of one class share value " + v);
            }
        }
    }

    @Test
    void digitsThatAreAlsoCheckSymbolsHaveTheSameValueInBoth() {
        // A swap of the last digit and a digit check symbol is then an ordinary swap of two values.
        for (char c : "23456789".toCharArray()) {
            assertEquals(CheckCharacter.ALPHABET.indexOf(c), CheckCharacter.value(c));
        }
    }

    @Test
    void everyStepIsAPermutationOfTheInterimSoADifferencePropagatesToTheEnd() {
        for (int v = 0; v < CheckCharacter.MODULUS; v++) {
            Set<Integer> images = new HashSet<>();
            for (int i = 0; i < CheckCharacter.MODULUS; i++) {
                images.add(CheckCharacter.step(i, v));
            }
            assertEquals(CheckCharacter.MODULUS, images.size(), "step(·, " + v + ") is not one-to-one");
        }
    }

    @Test
    void everySubstitutionChangesTheInterimFromAnyState() {
        for (int i = 0; i < CheckCharacter.MODULUS; i++) {
            for (int x = 0; x < CheckCharacter.MODULUS; x++) {
                for (int y = 0; y < CheckCharacter.MODULUS; y++) {
                    if (x != y) {
                        assertNotEquals(CheckCharacter.step(i, x), CheckCharacter.step(i, y));
                    }
                }
            }
        }
    }

    @Test
    void everySwapOfNeighboursChangesTheInterimFromAnyState() {
        for (int i = 0; i < CheckCharacter.MODULUS; i++) {
            for (int x = 0; x < CheckCharacter.MODULUS; x++) {
                for (int y = 0; y < CheckCharacter.MODULUS; y++) {
                    if (x != y) {
                        int xy = CheckCharacter.step(CheckCharacter.step(i, x), y);
                        int yx = CheckCharacter.step(CheckCharacter.step(i, y), x);
                        assertNotEquals(xy, yx, "swap of values " + x + "," + y + " from " + i);
                    }
                }
            }
        }
    }

    @Test
    void theComputedCheckCharacterValidatesAndNoOtherDoes() {
        String body = "SOU03000127";
        char check = CheckCharacter.compute(body);
        assertTrue(CheckCharacter.isValid(body, check));
        for (char other : CheckCharacter.ALPHABET.toCharArray()) {
            if (other != check) {
                assertFalse(CheckCharacter.isValid(body, other));
            }
        }
        assertFalse(CheckCharacter.isValid(body, '0'), "0 is never a check character");
    }
}
