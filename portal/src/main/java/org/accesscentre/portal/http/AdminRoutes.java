package org.accesscentre.portal.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.accesscentre.portal.bundles.Bundles;
import org.accesscentre.portal.bundles.Target;
import org.accesscentre.portal.devices.Enrolment;
import org.accesscentre.portal.fleet.Fleet;
import org.accesscentre.portal.security.ApiTokens;
import org.accesscentre.portal.security.Principal;
import org.accesscentre.portal.security.Role;

/** What the ICT office calls: tokens, enrolment, devices, commands, signing keys, bundles, fleet, figures. */
final class AdminRoutes {
    private static final long MAX_SMALL_BODY = 64L << 10;

    private final Services s;

    AdminRoutes(Services services) {
        this.s = services;
    }

    void register(RoutesConfig r) {
        r.get("/api/v1/admin/tokens", ctx -> ctx.json(s.tokens().list()), Access.ADMIN);
        r.post("/api/v1/admin/tokens", this::createToken, Access.ADMIN);
        r.delete("/api/v1/admin/tokens/{id}", this::revokeToken, Access.ADMIN);
        r.post("/api/v1/admin/enrolment-codes", this::createCode, Access.ADMIN);
        r.get("/api/v1/admin/devices", ctx -> ctx.json(s.fleet().list()), Access.READ);
        r.get("/api/v1/admin/devices/{id}", this::showDevice, Access.READ);
        r.post("/api/v1/admin/devices/{id}/revoke", this::revokeDevice, Access.ADMIN);
        r.post("/api/v1/admin/devices/{id}/commands", this::command, Access.ADMIN);
        r.get("/api/v1/admin/signing-keys", ctx -> ctx.json(s.bundles().signingKeys()), Access.READ);
        r.post("/api/v1/admin/signing-keys", this::addSigningKey, Access.ADMIN);
        r.get("/api/v1/admin/bundles", ctx -> ctx.json(s.bundles().list()), Access.READ);
        r.post("/api/v1/admin/bundles", this::publish, Access.ADMIN);
        r.get("/api/v1/admin/stats/transactions", ctx -> ctx.json(s.stats().totals()), Access.READ);
        r.get("/api/v1/admin/stats/daily", this::daily, Access.READ);
        r.get("/api/v1/admin/envelope-key", ctx -> ctx.json(s.envelopeKey()), Access.READ);
        r.get("/api/v1/admin/events", ctx -> ctx.json(s.events().list(EventParams.query(ctx))), Access.READ);
    }

    private void createToken(Context ctx) throws SQLException {
        Bodies.requireJson(ctx);
        Requests.NewToken req = Bodies.json(Bodies.raw(ctx, MAX_SMALL_BODY), Requests.NewToken.class);
        String name = Requests.text(req.name(), "name", 80);
        Role role = Role.fromWire(Requests.required(req.role(), "role"))
                .orElseThrow(() ->
                        ApiException.badRequest("invalid_role", "role is ict_admin, agency_officer or read_only"));
        String agency = req.agency();
        if ((role == Role.AGENCY_OFFICER) != (agency != null)) {
            throw ApiException.badRequest(
                    "invalid_agency", "an agency_officer token names one agency; other roles none");
        }
        if (agency != null && !agency.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
            throw ApiException.badRequest("invalid_agency", "agency is an agency id from the catalogue");
        }
        Integer days = req.expiresInDays();
        if (days != null && (days < 1 || days > 3650)) {
            throw ApiException.badRequest("invalid_expiry", "expiresInDays is from 1 to 3650");
        }
        Instant expires = days == null ? null : s.clock().instant().plus(Duration.ofDays(days));
        ApiTokens.NewToken token = s.tokens()
                .create(name, role, agency, expires, Authenticator.person(ctx).tokenId());
        ctx.status(201).json(token);
    }

    private void revokeToken(Context ctx) throws SQLException {
        String id = ctx.pathParam("id");
        if (!id.matches("tk_[a-z0-9]{12}") || !s.tokens().revoke(id)) {
            throw ApiException.notFound("active token " + Bodies.clip(id));
        }
        ctx.status(204);
    }

    private void createCode(Context ctx) throws SQLException {
        Bodies.requireJson(ctx);
        Requests.NewEnrolmentCode req = Bodies.json(Bodies.raw(ctx, MAX_SMALL_BODY), Requests.NewEnrolmentCode.class);
        int days = req.validDays() == null ? (int) Enrolment.DEFAULT_CODE_TTL.toDays() : req.validDays();
        Enrolment.NewCode code = s.enrolment()
                .createCode(
                        Requests.required(req.centre(), "centre"),
                        Requests.required(req.kiosk(), "kiosk"),
                        Duration.ofDays(days),
                        Authenticator.person(ctx).tokenId());
        ctx.status(201).json(code);
    }

    private void showDevice(Context ctx) throws SQLException {
        String id = deviceIdParam(ctx);
        Fleet.DeviceView view = s.fleet().show(id).orElseThrow(() -> ApiException.notFound("device " + id));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("device", view);
        body.put("commands", s.commands().forDevice(id));
        ctx.json(body);
    }

    private void revokeDevice(Context ctx) throws SQLException {
        String id = deviceIdParam(ctx);
        String reason = "revoked by the ICT office";
        if (ctx.req().getContentLengthLong() > 0) {
            Bodies.requireJson(ctx);
            Requests.Revoke req = Bodies.json(Bodies.raw(ctx, MAX_SMALL_BODY), Requests.Revoke.class);
            if (req.reason() != null) {
                reason = Requests.text(req.reason(), "reason", 200);
            }
        }
        boolean changed = s.fleet().revoke(id, reason);
        ctx.json(Map.of("deviceId", id, "revoked", true, "changed", changed));
    }

    private void command(Context ctx) throws SQLException {
        Bodies.requireJson(ctx);
        Requests.NewCommand req = Bodies.json(Bodies.raw(ctx, MAX_SMALL_BODY), Requests.NewCommand.class);
        Principal.Person who = Authenticator.person(ctx);
        ctx.status(201)
                .json(s.commands()
                        .create(
                                deviceIdParam(ctx),
                                Requests.required(req.type(), "type"),
                                req.args() == null ? Map.of() : req.args(),
                                who.tokenId()));
    }

    private void addSigningKey(Context ctx) throws SQLException {
        Bodies.requireJson(ctx);
        Requests.NewSigningKey req = Bodies.json(Bodies.raw(ctx, MAX_SMALL_BODY), Requests.NewSigningKey.class);
        String label = req.label() == null ? null : Requests.text(req.label(), "label", 80);
        ctx.status(201)
                .json(s.bundles()
                        .addSigningKey(
                                Requests.text(req.publicKey(), "publicKey", 200),
                                label,
                                Authenticator.person(ctx).tokenId()));
    }

    private void publish(Context ctx) throws SQLException {
        String type = ctx.contentType();
        if (type == null || !(type.startsWith("application/zip") || type.startsWith("application/octet-stream"))) {
            throw ApiException.unsupportedMediaType("send the bundle file as application/zip");
        }
        String target = ctx.queryParam("target");
        Bundles.Published published = s.bundles()
                .publish(
                        Bodies.raw(ctx, Bundles.MAX_BUNDLE_BYTES),
                        target == null ? Target.ALL : Target.parse(target),
                        Authenticator.person(ctx).tokenId());
        ctx.status(201).json(published);
    }

    private void daily(Context ctx) throws SQLException {
        LocalDate today = LocalDate.ofInstant(s.clock().instant(), s.zone());
        LocalDate from = dateParam(ctx, "from", today.minusDays(30));
        LocalDate to = dateParam(ctx, "to", today);
        if (from.isAfter(to) || from.plusDays(366).isBefore(to)) {
            throw ApiException.badRequest("invalid_range", "from must be before to, at most a year apart");
        }
        ctx.json(s.stats().byDay(from.toString(), to.toString()));
    }

    private static LocalDate dateParam(Context ctx, String name, LocalDate fallback) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_parameter", name + " is a date written YYYY-MM-DD");
        }
    }

    private static String deviceIdParam(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("dev_[a-z0-9]{12}")) {
            throw ApiException.notFound("device " + Bodies.clip(id));
        }
        return id;
    }
}
