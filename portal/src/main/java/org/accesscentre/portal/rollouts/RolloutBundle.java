package org.accesscentre.portal.rollouts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.accesscentre.portal.http.ApiException;
import org.jspecify.annotations.Nullable;

/** The bundle a rollout offers, and the checks that it may go to the devices targeted. */
record RolloutBundle(long id, String kind, long version, String target, long minAppVersion) {
    /** How many device ids a refusal names; the count is always whole. */
    private static final int NAMED = 5;

    static RolloutBundle find(Connection c, long id) throws SQLException {
        try (PreparedStatement st =
                c.prepareStatement("SELECT id, kind, version, target, min_app_version FROM bundle WHERE id = ?")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound("bundle " + id);
                }
                RolloutBundle b = new RolloutBundle(
                        rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5));
                if (!b.kind().equals("catalogue") && !b.kind().equals("config")) {
                    throw ApiException.badRequest(
                            "invalid_rollout",
                            "bundle " + id + " is a " + b.kind()
                                    + " bundle; rollouts take catalogue and config bundles",
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
     * never reported one counts as too old, since nothing says it can run the bundle.
     */
    void requireFor(Connection c, List<String> devices) throws SQLException {
        Map<String, String> centres = new LinkedHashMap<>();
        Map<String, @Nullable String> apps = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement(
                "SELECT d.id, d.centre, h.app_version FROM device d LEFT JOIN device_health h ON h.device_id = d.id")) {
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    centres.put(rs.getString(1), rs.getString(2));
                    apps.put(rs.getString(1), rs.getString(3));
                }
            }
        }
        List<String> outside = new ArrayList<>();
        List<String> tooOld = new ArrayList<>();
        for (String d : devices) {
            boolean forIt =
                    target.equals("all") || target.equals("centre:" + centres.get(d)) || target.equals("device:" + d);
            if (!forIt) {
                outside.add(d);
            }
            if (minAppVersion > 0 && release(apps.get(d)) < minAppVersion) {
                tooOld.add(d);
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
    }

    private static ApiException refusal(int status, String code, List<String> devices, String message) {
        List<String> named = devices.subList(0, Math.min(NAMED, devices.size()));
        String more = devices.size() > NAMED ? " and " + (devices.size() - NAMED) + " more" : "";
        return new ApiException(
                status,
                code,
                message + " " + devices.size() + " targeted device" + (devices.size() == 1 ? "" : "s") + ": "
                        + String.join(", ", named) + more,
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
