package org.accesscentre.portal.rollouts;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.wire.SignedOrder;
import org.accesscentre.device.bundle.BundleException;
import org.accesscentre.device.bundle.RollbackOrder;
import org.accesscentre.portal.bundles.Bundles;
import org.accesscentre.portal.http.ApiException;
import org.jspecify.annotations.Nullable;

/**
 * The ICT office's signed order to take devices back to an older release, as a rollout receives it. The portal
 * cannot make one (the signing key stays with the ICT office) and passes it to devices as it came; it checks it
 * first, against the same keys it checks bundles with, so a rollout never carries an order devices would refuse.
 */
final class RollbackOrders {
    private RollbackOrders() {}

    /** An order that passed its signature check, or none. */
    record Checked(@Nullable SignedOrder signed, @Nullable RollbackOrder order) {
        /** The order is for this bundle: a release, of the version the order names. */
        void requireFits(RolloutBundle bundle) {
            if (order == null) {
                return;
            }
            if (!bundle.kind().equals("release")) {
                throw invalid("a rollback order goes with a release bundle; bundle " + bundle.id() + " is a "
                        + bundle.kind());
            }
            if (order.release() != bundle.version()) {
                throw invalid("the rollback order is for release " + order.release() + " but bundle " + bundle.id()
                        + " is release " + bundle.version());
            }
        }

        /** Keeps the order with the rollout, or clears an earlier one when there is none. */
        void store(Connection c, long rolloutId) throws SQLException {
            try (PreparedStatement st =
                    c.prepareStatement("UPDATE rollout SET rollback_order = ?, rollback_reason = ? WHERE id = ?")) {
                st.setString(1, signed == null ? null : json(signed));
                st.setString(2, order == null ? null : order.reason());
                st.setLong(3, rolloutId);
                st.executeUpdate();
            }
        }
    }

    /** Checks a signed order against the portal's signing keys; {@code 400 invalid_rollback_order} if it fails. */
    static Checked verify(@Nullable SignedOrder signed, Bundles bundles) throws SQLException {
        if (signed == null) {
            return new Checked(null, null);
        }
        try {
            return new Checked(signed, RollbackOrder.verify(signed, bundles.trustedKeys()));
        } catch (BundleException e) {
            throw invalid(e.getMessage());
        }
    }

    private static ApiException invalid(String message) {
        return ApiException.badRequest("invalid_rollback_order", message, Map.of("field", "rollbackOrder"));
    }

    private static String json(SignedOrder signed) {
        try {
            return Json.wire().writeValueAsString(signed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
