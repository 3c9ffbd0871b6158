package org.accesscentre.portal.rollouts;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a rollout's devices are split into waves. The devices are in a fixed order (by id), so the split is the
 * same on every portal process and after a restart. A number is that many devices in the wave; a percentage is
 * the share of the target covered once the wave is done, so {@code 1, 10%, 100%} over 50 devices is 1, 4, 45.
 * A wave can come out empty (10% of 5 after a first wave of 1); an empty wave succeeds at once.
 */
public final class WavePlan {
    private WavePlan() {}

    public record Size(int value, boolean percent) {
        static Optional<Size> parse(@Nullable String text) {
            if (text == null) {
                return Optional.empty();
            }
            if (text.matches("[0-9]{1,3}%")) {
                int p = Integer.parseInt(text.substring(0, text.length() - 1));
                return p >= 1 && p <= 100 ? Optional.of(new Size(p, true)) : Optional.empty();
            }
            if (text.matches("[0-9]{1,6}")) {
                int n = Integer.parseInt(text);
                return n >= 1 && n <= 100_000 ? Optional.of(new Size(n, false)) : Optional.empty();
            }
            return Optional.empty();
        }

        @Override
        public String toString() {
            return percent ? value + "%" : Integer.toString(value);
        }
    }

    public record Wave(Size size, double successThreshold, double errorThreshold) {}

    /** The number of devices in each wave, adding up to {@code total} when the last wave is 100%. */
    public static int[] sizes(List<Wave> waves, int total) {
        int[] out = new int[waves.size()];
        int covered = 0;
        for (int i = 0; i < out.length; i++) {
            Size s = waves.get(i).size();
            int end = s.percent()
                    ? Math.max(covered, (int) (((long) total * s.value() + 99) / 100)) // ceiling, in whole numbers
                    : Math.min(total, covered + s.value());
            out[i] = end - covered;
            covered = end;
        }
        return out;
    }
}
