package org.accesscentre.core.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.accesscentre.core.catalogue.AnswerLimits;
import org.junit.jupiter.api.Test;

class InkTest {
    @Test
    void strokesSurviveTheRoundTrip() throws Exception {
        Random random = new Random(7);
        for (int n = 0; n < 500; n++) {
            List<Stroke> strokes = new ArrayList<>();
            int count = random.nextInt(6);
            for (int s = 0; s < count; s++) {
                int[] xy = new int[2 * random.nextInt(60)];
                for (int i = 0; i < xy.length; i++) {
                    xy[i] = random.nextInt(AnswerLimits.SIGNATURE_CANVAS + 1);
                }
                strokes.add(new Stroke(xy));
            }
            assertEquals(strokes, Ink.decode(Ink.encode(strokes)), "case " + n);
        }
    }

    @Test
    void extremeCoordinatesSurviveToo() throws Exception {
        List<Stroke> strokes = List.of(
                new Stroke(new int[] {0, 0, Ink.MAX_COORDINATE, -Ink.MAX_COORDINATE}),
                new Stroke(new int[] {-Ink.MAX_COORDINATE, Ink.MAX_COORDINATE}),
                new Stroke(new int[0]));
        assertEquals(strokes, Ink.decode(Ink.encode(strokes)));
    }

    @Test
    void aHandwrittenSignatureTakesAboutTwoBytesAPoint() {
        // A smooth stroke, as the pad gives: neighbouring points a few units apart.
        int[] xy = new int[2 * 300];
        for (int i = 0; i < 300; i++) {
            xy[2 * i] = 100 + i * 2;
            xy[2 * i + 1] = 400 + (int) (40 * Math.sin(i / 9.0));
        }
        String ink = Ink.encode(List.of(new Stroke(xy)));
        // 2 bytes a point, in base64: 8/3 characters a point.
        assertTrue(ink.length() <= 300 * 8 / 3 + 8, ink.length() + " characters");
    }

    @Test
    void nonsenseIsRefusedWithTheReason() {
        assertEquals("not base64url", refusal("ab*d"));
        assertEquals("cut short", refusal(base64(2, 4))); // two points announced, half of one given
        assertEquals("a number longer than 5 bytes", refusal(base64(1, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0)));
        // 2^25 as the x difference: off any canvas.
        assertEquals("stroke 1 leaves any canvas", refusal(base64(1, 0x80, 0x80, 0x80, 0x20, 0)));
        assertEquals(
                "longer than any signature within the limits (" + Ink.MAX_LENGTH + " characters)",
                refusal("A".repeat(Ink.MAX_LENGTH + 1)));
    }

    @Test
    void claimsBeyondTheLimitsAreRefusedBeforeAllocating() {
        // One stroke claiming 2^34 points: refused from the count alone.
        assertEquals(
                "more than " + AnswerLimits.MAX_SIGNATURE_POINTS + " points",
                refusal(base64(0xFF, 0xFF, 0xFF, 0xFF, 0x7F)));
        ByteArrayOutputStream strokes = new ByteArrayOutputStream();
        for (int i = 0; i <= AnswerLimits.MAX_STROKES; i++) {
            strokes.write(0); // an empty stroke
        }
        assertEquals(
                "more than " + AnswerLimits.MAX_STROKES + " strokes",
                refusal(Base64.getUrlEncoder().withoutPadding().encodeToString(strokes.toByteArray())));
        ByteArrayOutputStream points = new ByteArrayOutputStream();
        for (int s = 0; s < 2; s++) {
            int n = AnswerLimits.MAX_SIGNATURE_POINTS / 2 + 1;
            points.write(0x80 | (n & 0x7F));
            points.write(n >>> 7);
            for (int i = 0; i < n; i++) {
                points.write(0);
                points.write(0);
            }
        }
        assertEquals(
                "more than " + AnswerLimits.MAX_SIGNATURE_POINTS + " points",
                refusal(Base64.getUrlEncoder().withoutPadding().encodeToString(points.toByteArray())));
    }

    private static String refusal(String ink) {
        return assertThrows(Ink.InkException.class, () -> Ink.decode(ink)).getMessage();
    }

    private static String base64(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
