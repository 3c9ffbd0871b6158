package org.accesscentre.testing.answers;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.accesscentre.core.answer.Stroke;
import org.accesscentre.core.catalogue.AnswerLimits;

/** Signatures drawn the way a finger draws them: a capital, a run of loops, a flourish, maybe a dot. */
final class Signatures {
    private Signatures() {}

    static List<Stroke> draw(Random random) {
        double baseline = 540 + random.nextInt(120);
        double height = 90 + random.nextInt(90);
        double left = 60 + random.nextInt(120);
        double width = 480 + random.nextInt(220);
        double slant = 0.15 + random.nextDouble() * 0.3;
        List<Stroke> strokes = new ArrayList<>();
        strokes.add(capital(random, left, baseline, height, slant));
        double bodyLeft = left + height * 0.55;
        strokes.add(cursive(random, bodyLeft, baseline, height * 0.45, width * 0.8, slant));
        strokes.add(flourish(random, left, baseline, width));
        if (random.nextInt(10) < 3) {
            strokes.add(dot(random, bodyLeft + width * (0.3 + random.nextDouble() * 0.4), baseline - height));
        }
        return strokes;
    }

    /** A tall looped capital letter. */
    private static Stroke capital(Random random, double left, double baseline, double height, double slant) {
        int n = 40 + random.nextInt(81);
        double turns = 1.0 + random.nextDouble() * 0.4;
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double t = i / (double) (n - 1);
            double angle = Math.PI / 2 + 2 * Math.PI * turns * t;
            double cx = left + height * 0.25 + t * height * 0.35;
            double y = baseline - height * 0.5 - height * 0.5 * Math.sin(angle);
            double x = cx + height * 0.28 * Math.cos(angle) + slant * (baseline - y);
            xy[2 * i] = x;
            xy[2 * i + 1] = y;
        }
        return stroke(random, xy);
    }

    /** Joined-up small letters: a trochoid, looping where the pen doubles back. */
    private static Stroke cursive(
            Random random, double left, double baseline, double height, double width, double slant) {
        int n = 60 + random.nextInt(61);
        int humps = 4 + random.nextInt(6);
        double loop = 0.5 + random.nextDouble() * 0.5;
        double phase = random.nextDouble() * Math.PI * 2;
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double t = i / (double) (n - 1);
            double angle = 2 * Math.PI * humps * t;
            double size = height * (0.75 + 0.25 * Math.sin(3 * t + phase));
            double y = baseline - size * (1 - Math.cos(angle)) / 2;
            double x = left + width * t - loop * size * 0.5 * Math.sin(angle) + slant * (baseline - y);
            xy[2 * i] = x;
            xy[2 * i + 1] = y;
        }
        return stroke(random, xy);
    }

    /** The line under the name, rising a little to the right. */
    private static Stroke flourish(Random random, double left, double baseline, double width) {
        int n = 40 + random.nextInt(41);
        double rise = 10 + random.nextInt(40);
        double sag = 8 + random.nextInt(20);
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double t = i / (double) (n - 1);
            xy[2 * i] = left - 10 + t * (width + 60);
            xy[2 * i + 1] = baseline + 35 + sag * Math.sin(Math.PI * t) - rise * t;
        }
        return stroke(random, xy);
    }

    /** The dot of an i, two to four points close together. */
    private static Stroke dot(Random random, double x, double y) {
        int n = 2 + random.nextInt(3);
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = x + i * 2;
            xy[2 * i + 1] = y + i;
        }
        return stroke(random, xy);
    }

    /** Rounds to the canvas with a little hand tremor, keeping every point on the canvas. */
    private static Stroke stroke(Random random, double[] xy) {
        int[] points = new int[xy.length];
        for (int i = 0; i < xy.length; i++) {
            long v = Math.round(xy[i] + random.nextGaussian() * 1.2);
            points[i] = (int) Math.max(0, Math.min(AnswerLimits.SIGNATURE_CANVAS, v));
        }
        return new Stroke(points);
    }
}
