package org.accesscentre.portal.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.sql.SQLException;
import org.accesscentre.core.wire.SignedOrder;
import org.accesscentre.portal.rollouts.RolloutRequest;

/** What the ICT office calls for rollouts: create, list, show, pause, resume and abort. */
final class RolloutRoutes {
    private static final long MAX_BODY = 256L << 10; // 5000 device ids fit with room to spare

    private final Services s;

    RolloutRoutes(Services services) {
        this.s = services;
    }

    void register(RoutesConfig r) {
        r.get("/api/v1/admin/rollouts", ctx -> ctx.json(s.rollouts().list()), Access.READ);
        r.post("/api/v1/admin/rollouts", this::create, Access.ADMIN);
        r.get("/api/v1/admin/rollouts/{id}", ctx -> ctx.json(s.rollouts().show(id(ctx))), Access.READ);
        r.post("/api/v1/admin/rollouts/{id}/pause", ctx -> ctx.json(s.rollouts().pause(id(ctx))), Access.ADMIN);
        r.post("/api/v1/admin/rollouts/{id}/resume", this::resume, Access.ADMIN);
        r.post("/api/v1/admin/rollouts/{id}/abort", ctx -> ctx.json(s.rollouts().abort(id(ctx))), Access.ADMIN);
    }

    private void create(Context ctx) throws SQLException {
        Bodies.requireJson(ctx);
        RolloutRequest req = Bodies.json(Bodies.raw(ctx, MAX_BODY), RolloutRequest.class);
        ctx.status(201)
                .json(s.rollouts().create(req.check(), Authenticator.person(ctx).tokenId()));
    }

    /**
     * An empty body resumes as it was; {@code {bundleId}} switches to a newer bundle of the same kind, with its
     * own {@code rollbackOrder} if it takes devices back.
     */
    private void resume(Context ctx) throws SQLException {
        Long bundleId = null;
        SignedOrder order = null;
        if (ctx.req().getContentLengthLong() > 0) {
            Bodies.requireJson(ctx);
            RolloutRequest.Resume req = Bodies.json(Bodies.raw(ctx, MAX_BODY), RolloutRequest.Resume.class);
            bundleId = req.bundleId();
            order = req.rollbackOrder();
            if (bundleId != null && bundleId < 1) {
                throw ApiException.badRequest("invalid_rollout", "bundleId is the id of a published bundle");
            }
        }
        ctx.json(s.rollouts().resume(id(ctx), bundleId, order));
    }

    private static long id(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("[1-9][0-9]{0,17}")) {
            throw ApiException.notFound("rollout " + Bodies.clip(id));
        }
        return Long.parseLong(id);
    }
}
