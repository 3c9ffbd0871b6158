package org.accesscentre.portal.http;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import org.accesscentre.portal.security.ApiTokens;
import org.accesscentre.portal.security.DeviceAuth;
import org.accesscentre.portal.security.Principal;
import org.accesscentre.portal.security.Role;

/** Checks every matched request against its route's {@link Access} before the handler runs. */
final class Authenticator {
    static final String PRINCIPAL = "principal";

    private final ApiTokens people;
    private final DeviceAuth devices;

    Authenticator(ApiTokens people, DeviceAuth devices) {
        this.people = people;
        this.devices = devices;
    }

    void check(Context ctx) throws SQLException {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty() || roles.contains(Access.PUBLIC)) {
            return;
        }
        String token = bearer(ctx);
        if (roles.contains(Access.DEVICE)) {
            Principal.Device device = devices.authenticate(token)
                    .orElseThrow(() -> ApiException.unauthorized("the device token is unknown, expired or revoked"));
            ctx.attribute(PRINCIPAL, device);
            return;
        }
        Principal.Person person = people.authenticate(token)
                .orElseThrow(() -> ApiException.unauthorized("the API token is unknown, expired or revoked"));
        ctx.attribute(PRINCIPAL, person);
        boolean allowed = switch (person.role()) {
            case ICT_ADMIN -> true;
            case READ_ONLY -> roles.contains(Access.READ);
            case AGENCY_OFFICER -> roles.contains(Access.AGENCY);
        };
        if (!allowed) {
            throw ApiException.forbidden("a " + person.role().wireName() + " token may not do this");
        }
    }

    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw ApiException.unauthorized("send Authorization: Bearer <token>");
        }
        return header.substring(7).strip();
    }

    static Principal.Device device(Context ctx) {
        return principal(ctx, Principal.Device.class);
    }

    static Principal.Person person(Context ctx) {
        return principal(ctx, Principal.Person.class);
    }

    private static <T extends Principal> T principal(Context ctx, Class<T> type) {
        Object p = ctx.attribute(PRINCIPAL);
        return Optional.ofNullable(p)
                .filter(type::isInstance)
                .map(type::cast)
                .orElseThrow(() -> new IllegalStateException("route without the authentication it needs"));
    }

    static boolean isAdmin(Principal.Person p) {
        return p.role() == Role.ICT_ADMIN;
    }
}
