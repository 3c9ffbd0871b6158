package org.accesscentre.portal.rollouts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.accesscentre.core.wire.SignedOrder;
import org.accesscentre.portal.http.ApiException;
import org.jspecify.annotations.Nullable;

/** The JSON of {@code POST /api/v1/admin/rollouts}, and its checks: every refusal names the field. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RolloutRequest(
        @Nullable Long bundleId,
        @Nullable TargetSpec target,
        @Nullable List<WaveSpec> waves,
        @Nullable Integer overdueAfterMinutes,
        @Nullable SignedOrder rollbackOrder) {
    static final int MAX_WAVES = 10;
    static final int MAX_CENTRES = 200;
    static final int MAX_DEVICES = 5000;
    static final double DEFAULT_SUCCESS = 0.9;
    static final double DEFAULT_ERRORS = 0.2;
    static final int DEFAULT_OVERDUE_MINUTES = 60;
    /** A week: a kiosk silent longer than that is a visit, not a rollout's business. */
    static final int MAX_OVERDUE_MINUTES = 7 * 24 * 60;

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TargetSpec(
            @Nullable Boolean all,
            @Nullable List<String> centres,
            @Nullable List<String> devices) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WaveSpec(
            @Nullable String size,
            @Nullable Double successThreshold,
            @Nullable Double errorThreshold) {}

    /**
     * The body of resume: an optional newer bundle of the same kind to switch to, and with a release, the signed
     * order that takes devices back to it if any run a newer one.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Resume(@Nullable Long bundleId, @Nullable SignedOrder rollbackOrder) {}

    /** Who a rollout is for, checked: exactly one of all, centres or devices. */
    public record Target(boolean all, List<String> centres, List<String> devices) {
        public Map<String, Object> asJson() {
            if (all) {
                return Map.of("all", true);
            }
            return centres.isEmpty() ? Map.of("devices", devices) : Map.of("centres", centres);
        }
    }

    /**
     * A request that passed every check that needs no database. The rollback order is checked, against the
     * portal's signing keys and the bundle, when the rollout is created.
     */
    public record Checked(
            long bundleId,
            Target target,
            List<WavePlan.Wave> waves,
            Duration overdueAfter,
            @Nullable SignedOrder rollbackOrder) {}

    public Checked check() {
        if (bundleId == null || bundleId < 1) {
            throw invalid("bundleId is required: the id of a published bundle (kioskctl bundle list)", "bundleId");
        }
        return new Checked(
                bundleId, checkTarget(target), checkWaves(waves), checkOverdue(overdueAfterMinutes), rollbackOrder);
    }

    private static Target checkTarget(@Nullable TargetSpec t) {
        if (t == null) {
            throw invalid("target is required: {all: true}, {centres: [...]} or {devices: [...]}", "target");
        }
        int given =
                (Boolean.TRUE.equals(t.all()) ? 1 : 0) + (t.centres() != null ? 1 : 0) + (t.devices() != null ? 1 : 0);
        if (given != 1) {
            throw invalid("target has exactly one of all: true, centres or devices", "target");
        }
        if (Boolean.TRUE.equals(t.all())) {
            return new Target(true, List.of(), List.of());
        }
        if (t.centres() != null) {
            return new Target(
                    false, items(t.centres(), "target.centres", MAX_CENTRES, "[A-Z]{3}", "a centre code"), List.of());
        }
        return new Target(
                false,
                List.of(),
                items(t.devices(), "target.devices", MAX_DEVICES, "dev_[a-z0-9]{12}", "a device id (dev_...)"));
    }

    private static List<String> items(List<String> values, String field, int max, String form, String what) {
        if (values.isEmpty() || values.size() > max) {
            throw invalid(field + " lists 1 to " + max + " entries", field);
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v == null || !v.matches(form)) {
                throw invalid(field + "[" + i + "] is not " + what, field + "[" + i + "]");
            }
            out.add(v);
        }
        return List.copyOf(out);
    }

    private static List<WavePlan.Wave> checkWaves(@Nullable List<WaveSpec> specs) {
        if (specs == null || specs.isEmpty() || specs.size() > MAX_WAVES) {
            throw invalid("waves lists 1 to " + MAX_WAVES + " waves", "waves");
        }
        List<WavePlan.Wave> out = new ArrayList<>();
        int lastPercent = 0;
        for (int i = 0; i < specs.size(); i++) {
            String at = "waves[" + i + "]";
            WaveSpec w = specs.get(i);
            if (w == null) {
                throw invalid(at + " is null", at);
            }
            WavePlan.Size size = WavePlan.Size.parse(w.size())
                    .orElseThrow(() -> invalid(
                            at + ".size is a number of devices (1 to 100000) or a percentage of the target (1% to"
                                    + " 100%)",
                            at + ".size"));
            if (size.percent()) {
                if (size.value() <= lastPercent) {
                    throw invalid(at + ".size: percentages must increase from wave to wave", at + ".size");
                }
                lastPercent = size.value();
            }
            double success = threshold(w.successThreshold(), DEFAULT_SUCCESS, at + ".successThreshold");
            double errors = threshold(w.errorThreshold(), DEFAULT_ERRORS, at + ".errorThreshold");
            out.add(new WavePlan.Wave(size, success, errors));
        }
        WavePlan.Size last = out.getLast().size();
        if (!(last.percent() && last.value() == 100)) {
            throw invalid(
                    "the last wave's size is 100%, so the rollout reaches every device it targets",
                    "waves[" + (out.size() - 1) + "].size");
        }
        return List.copyOf(out);
    }

    private static double threshold(@Nullable Double value, double fallback, String field) {
        double v = value == null ? fallback : value;
        if (!(v >= 0 && v <= 1)) {
            throw invalid(field + " is a fraction from 0 to 1", field);
        }
        return v;
    }

    private static Duration checkOverdue(@Nullable Integer minutes) {
        int m = minutes == null ? DEFAULT_OVERDUE_MINUTES : minutes;
        if (m < 1 || m > MAX_OVERDUE_MINUTES) {
            throw invalid("overdueAfterMinutes is from 1 to " + MAX_OVERDUE_MINUTES, "overdueAfterMinutes");
        }
        return Duration.ofMinutes(m);
    }

    static ApiException invalid(String message, String field) {
        return ApiException.badRequest("invalid_rollout", message, Map.of("field", field));
    }
}
