package org.accesscentre.portal.rollouts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.accesscentre.device.bundle.RollbackOrder;
import org.accesscentre.portal.http.ApiException;
import org.jspecify.annotations.Nullable;

/**
 * The bundle a rollout offers, and the checks that it may go to the devices targeted.
 *
 * @param minCatalogueVersion for a release, the oldest catalogue its release.json says it runs with; else 0
 * @param minConfigVersion the same for the configuration
 */
record RolloutBundle(
        long id,
        String kind,
        long version,
        String target,
        long minAppVersion,
        long minCatalogueVersion,
        long minConfigVersion) {
    /** How many device ids a refusal names; the count is always whole. */
    private static final int NAMED = 5;

    private static final Set<String> KINDS = Set.of("catalogue", "config", "release");

    static RolloutBundle find(Connection c, long id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                SELECT id, kind, version, target, min_app_version, min_catalogue_version, min_config_version
                FROM bundle WHERE id = ?
                """)) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound("bundle " + id);
                }
                RolloutBundle b = new RolloutBundle(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7));
                if (!KINDS.contains(b.kind())) {
                    throw ApiException.badRequest(
                            "invalid_rollout",
                            "bundle " + id + " is a " + b.kind()
                                    + " bundle; rollouts take catalogue, config and release bundles",
                            Map.of("field", "bundleId"));
                }
                return b;
            }
        }
    }

    /** The unrevoked devices a target names, by id; every centre and device named must be one. */
    static List<String> devices(Connection c, RolloutRequest.Target target) throws SQLException {
        TreeSet<String> out = new TreeSet<>();
        if (target.all()) {
            out.addAll(query(c, "SELECT id FROM device WHERE revoked_at IS NULL", null));
            if (out.isEmpty()) {
                throw RolloutRequest.invalid("target all: no device is enrolled yet", "target.all");
            }
        }
        for (int i = 0; i < target.centres().size(); i++) {
            String centre = target.centres().get(i);
            List<String> found = query(c, "SELECT id FROM device WHERE revoked_at IS NULL AND centre = ?", centre);
            if (found.isEmpty()) {
                throw RolloutRequest.invalid(
                        "target.centres[" + i + "]: centre " + centre + " has no enrolled device",
                        "target.centres[" + i + "]");
            }
            out.addAll(found);
        }
        for (int i = 0; i < target.devices().size(); i++) {
            String device = target.devices().get(i);
            if (query(c, "SELECT id FROM device WHERE revoked_at IS NULL AND id = ?", device)
                    .isEmpty()) {
                throw RolloutRequest.invalid(
                        "target.devices[" + i + "]: " + device + " is not an enrolled, unrevoked device",
                        "target.devices[" + i + "]");
            }
            out.add(device);
        }
        return List.copyOf(out);
    }

    static List<String> devicesOf(Connection c, long rolloutId) throws SQLException {
        try (PreparedStatement st =
                c.prepareStatement("SELECT device_id FROM rollout_device WHERE rollout_id = ? ORDER BY device_id")) {
            st.setLong(1, rolloutId);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    private static List<String> query(Connection c, String sql, @Nullable String param) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql + " ORDER BY id")) {
            if (param != null) {
                st.setString(1, param);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    /**
     * Refuses devices this bundle is not for (a configuration published for one centre cannot go to another),
     * and devices whose app is older than the bundle needs, by the app version each last reported: an app that
     * never reported one counts as too old, since nothing says it can run the bundle. A release is also refused
     * to devices that last reported an older catalogue or configuration than its release.json needs (the store's
     * schema is not reported; the device checks that itself), and to devices running a newer release unless a
     * signed rollback order takes each of them back.
     */
    void requireFor(Connection c, List<String> devices, @Nullable RollbackOrder order) throws SQLException {
        Map<String, Reported> reported = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement("""
                SELECT d.id, d.centre, h.app_version, h.catalogue_version, h.config_version
                FROM device d LEFT JOIN device_health h ON h.device_id = d.id
                """)) {
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    boolean heard = rs.getString(3) != null;
                    reported.put(
                            rs.getString(1),
                            new Reported(
                                    rs.getString(2),
                                    release(rs.getString(3)),
                                    heard ? rs.getLong(4) : -1,
                                    heard ? rs.getLong(5) : -1));
                }
            }
        }
        List<String> outside = new ArrayList<>();
        List<String> tooOld = new ArrayList<>();
        List<String> behind = new ArrayList<>();
        List<String> newer = new ArrayList<>();
        boolean release = kind.equals("release");
        for (String d : devices) {
            Reported r = reported.get(d);
            boolean forIt =
                    target.equals("all") || target.equals("centre:" + r.centre()) || target.equals("device:" + d);
            if (!forIt) {
                outside.add(d);
            }
            if (minAppVersion > 0 && r.release() < minAppVersion) {
                tooOld.add(d);
            }
            // A device never heard from is -1 here: behind any minimum, but not behind none.
            if (release
                    && (minCatalogueVersion > 0 && r.catalogue() < minCatalogueVersion
                            || minConfigVersion > 0 && r.config() < minConfigVersion)) {
                behind.add(d);
            }
            // Going back needs the ICT office's order, and one that covers what the device runs.
            if (release && r.release() > version && (order == null || !order.appliesTo(r.release()))) {
                newer.add(d);
            }
        }
        if (!outside.isEmpty()) {
            throw refusal(
                    400,
                    "target_outside_bundle",
                    outside,
                    "bundle " + id + " is published for " + target + ", not for");
        }
        if (!tooOld.isEmpty()) {
            throw refusal(
                    409,
                    "incompatible",
                    tooOld,
                    kind + " version " + version + " needs app release " + minAppVersion
                            + " or later, which has not been reported by");
        }
        if (!behind.isEmpty()) {
            List<String> needs = new ArrayList<>();
            if (minCatalogueVersion > 0) {
                needs.add("catalogue version " + minCatalogueVersion);
            }
            if (minConfigVersion > 0) {
                needs.add("configuration version " + minConfigVersion);
            }
            throw refusal(
                    409,
                    "incompatible",
                    behind,
                    "release " + version + " needs " + String.join(" and ", needs)
                            + " or later, which has not been reported by");
        }
        if (!newer.isEmpty()) {
            throw refusal(
                    409,
                    "rollback_needs_order",
                    newer,
                    "release " + version + " is older than the release running on",
                    order == null
                            ? "; going back needs a signed rollback order (kioskctl bundle rollback-order)"
                            : "; the rollback order covers releases up to " + order.upTo() + " only");
        }
    }

    /** What a device last reported: its app's release, catalogue and configuration; -1 for never. */
    private record Reported(String centre, long release, long catalogue, long config) {}

    private static ApiException refusal(int status, String code, List<String> devices, String message) {
        return refusal(status, code, devices, message, "");
    }

    private static ApiException refusal(int status, String code, List<String> devices, String message, String after) {
        List<String> named = devices.subList(0, Math.min(NAMED, devices.size()));
        String more = devices.size() > NAMED ? " and " + (devices.size() - NAMED) + " more" : "";
        return new ApiException(
                status,
                code,
                message + " " + devices.size() + " targeted device" + (devices.size() == 1 ? "" : "s") + ": "
                        + String.join(", ", named) + more + after,
                Map.of("devices", devices.size(), "first", named));
    }

    /**
     * The release number in an app version as a device reports it: "1", or "1.4.0" (its leading number); -1
     * when there is none, which no bundle's minimum is below.
     */
    static long release(@Nullable String appVersion) {
        if (appVersion == null) {
            return -1;
        }
        int end = 0;
        while (end < appVersion.length()
                && end < 18
                && appVersion.charAt(end) >= '0'
                && appVersion.charAt(end) <= '9') {
            end++;
        }
        return end == 0 ? -1 : Long.parseLong(appVersion.substring(0, end));
    }
}
