package org.accesscentre.core.answer;

import java.util.Arrays;

/**
 * One stroke of a signature: points as x, y pairs on a canvas of
 * {@link org.accesscentre.core.catalogue.AnswerLimits#SIGNATURE_CANVAS} units each way.
 */
public record Stroke(int[] xy) {
    public Stroke {
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException("a stroke has an x and a y for every point");
        }
        xy = xy.clone();
    }

    public int size() {
        return xy.length / 2;
    }

    public int x(int point) {
        return xy[2 * point];
    }

    public int y(int point) {
        return xy[2 * point + 1];
    }

    @Override
    public int[] xy() {
        return xy.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Stroke other && Arrays.equals(xy, other.xy);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(xy);
    }

    @Override
    public String toString() {
        return "Stroke[" + size() + " points]";
    }
}
