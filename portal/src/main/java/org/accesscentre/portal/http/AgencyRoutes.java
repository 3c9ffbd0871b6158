package org.accesscentre.portal.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.Map;
import org.accesscentre.portal.cases.CaseStatus;

/** What agencies call: their cases, the answers, and statuses back to the citizen. */
final class AgencyRoutes {
    private static final long MAX_SMALL_BODY = 64L << 10;

    private final Services s;

    AgencyRoutes(Services services) {
        this.s = services;
    }

    void register(RoutesConfig r) {
        r.get("/api/v1/agency/cases", this::list, Access.AGENCY);
        r.get("/api/v1/agency/cases/{id}", this::read, Access.AGENCY);
        r.post("/api/v1/agency/cases/{id}/status", this::setStatus, Access.AGENCY);
    }

    private void list(Context ctx) throws SQLException {
        String status = ctx.queryParam("status");
        if (status != null && !CaseStatus.ALL.contains(status)) {
            throw ApiException.badRequest("invalid_status", "unknown status " + Bodies.clip(status));
        }
        String agency = ctx.queryParam("agency");
        if (agency != null && !agency.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
            throw ApiException.badRequest("invalid_agency", "agency is an agency id from the catalogue");
        }
        String after = ctx.queryParam("after");
        ctx.json(s.cases()
                .list(Authenticator.person(ctx), agency, status, after, DeviceRoutes.intParam(ctx, "limit", 100)));
    }

    private void read(Context ctx) throws SQLException {
        ctx.json(s.cases().read(Authenticator.person(ctx), caseId(ctx)));
    }

    private void setStatus(Context ctx) throws SQLException {
        Bodies.requireJson(ctx);
        Requests.SetStatus req = Bodies.json(Bodies.raw(ctx, MAX_SMALL_BODY), Requests.SetStatus.class);
        long version = s.cases()
                .setStatus(
                        Authenticator.person(ctx),
                        caseId(ctx),
                        Requests.required(req.status(), "status"),
                        req.message(),
                        req.caseNumber());
        ctx.json(Map.of("status", req.status(), "version", version));
    }

    private static String caseId(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.length() > 40) {
            throw ApiException.notFound("case");
        }
        return id;
    }
}
