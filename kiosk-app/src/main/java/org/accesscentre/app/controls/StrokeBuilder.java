package org.accesscentre.app.controls;

import java.util.Arrays;
import org.accesscentre.core.answer.Stroke;
import org.accesscentre.core.catalogue.AnswerLimits;

/**
 * Collects the points of one stroke in canvas units, as plain Java. A finger reports far more points than a
 * signature needs, so a point closer than {@link #MIN_STEP} to the last one is dropped; and the signature's
 * point budget (what {@link AnswerLimits} lets a sealed submission carry) is never exceeded, so a long
 * scribble stops drawing instead of producing an answer the validator refuses.
 */
final class StrokeBuilder {
    /** Two units is 0.2% of the canvas: below what a fingertip can mean, above a sensor's jitter. */
    static final double MIN_STEP = 2;
    /**
     * The bottom edge of the drawing box in canvas units: the box is {@link SignaturePad#ASPECT_RATIO} times as
     * wide as high, so x runs over the whole canvas and y over its top third. A finger run off the box draws
     * along its edge, never where the box does not show it.
     */
    static final int MAX_Y = (int) (AnswerLimits.SIGNATURE_CANVAS / SignaturePad.ASPECT_RATIO);

    private final int budget;
    private int[] xy = new int[64];
    private int points;

    /** @param budget how many more points the signature may take */
    StrokeBuilder(int budget) {
        this.budget = budget;
    }

    /** Adds a point, clamped into the drawing box; false if it was dropped (too close, or the budget is spent). */
    boolean add(double x, double y) {
        int px = clamp(x, AnswerLimits.SIGNATURE_CANVAS);
        int py = clamp(y, MAX_Y);
        if (points >= budget) {
            return false;
        }
        if (points > 0) {
            double dx = px - xy[2 * points - 2];
            double dy = py - xy[2 * points - 1];
            if (dx * dx + dy * dy < MIN_STEP * MIN_STEP) {
                return false;
            }
        }
        if (2 * points + 2 > xy.length) {
            xy = Arrays.copyOf(xy, xy.length * 2);
        }
        xy[2 * points] = px;
        xy[2 * points + 1] = py;
        points++;
        return true;
    }

    int size() {
        return points;
    }

    int lastX() {
        return xy[2 * points - 2];
    }

    int lastY() {
        return xy[2 * points - 1];
    }

    Stroke build() {
        return new Stroke(Arrays.copyOf(xy, 2 * points));
    }

    private static int clamp(double value, int max) {
        return Math.clamp(Math.round(value), 0, max);
    }
}
