package org.accesscentre.portal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.Map;
import org.accesscentre.core.reference.ReferenceNumber;
import org.accesscentre.core.wire.EnrolRequest;
import org.accesscentre.core.wire.EventBatch;
import org.accesscentre.core.wire.Heartbeat;
import org.accesscentre.core.wire.IngestBatch;
import org.accesscentre.core.wire.TokenRequest;
import org.accesscentre.portal.bundles.Bundles;
import org.accesscentre.portal.rollouts.RolloutOffers;
import org.accesscentre.portal.security.DeviceAuth;
import org.accesscentre.portal.security.Principal;
import org.jspecify.annotations.Nullable;

/** What kiosks call: enrolment, authentication, ingest, statuses, heartbeats, bundles and releases. */
final class DeviceRoutes {
    /** Compressed batches are small; this leaves room for a few hundred large forms. */
    static final long MAX_BATCH_WIRE = 4L << 20;

    static final long MAX_BATCH_INFLATED = 16L << 20;
    private static final long MAX_SMALL_BODY = 64L << 10;

    private final Services s;

    DeviceRoutes(Services services) {
        this.s = services;
    }

    void register(RoutesConfig r) {
        r.post("/api/v1/enrol", this::enrol, Access.PUBLIC);
        r.post("/api/v1/device/challenge", this::challenge, Access.PUBLIC);
        r.post("/api/v1/device/token", this::token, Access.PUBLIC);
        r.post("/api/v1/device/batches", this::batch, Access.DEVICE);
        r.post("/api/v1/device/events", this::events, Access.DEVICE);
        r.get("/api/v1/device/statuses", this::statuses, Access.DEVICE);
        r.get("/api/v1/device/lookup/{reference}", this::lookup, Access.DEVICE);
        r.post("/api/v1/device/heartbeat", this::heartbeat, Access.DEVICE);
        r.get("/api/v1/device/catalogue", ctx -> bundle(ctx, "catalogue"), Access.DEVICE);
        r.get("/api/v1/device/config", ctx -> bundle(ctx, "config"), Access.DEVICE);
        r.get("/api/v1/device/release", this::release, Access.DEVICE);
    }

    private void enrol(Context ctx) throws SQLException {
        Bodies.requireJson(ctx);
        EnrolRequest request = Bodies.json(Bodies.raw(ctx, MAX_SMALL_BODY), EnrolRequest.class);
        ctx.status(201).json(s.enrolment().enrol(request));
    }

    private void challenge(Context ctx) throws SQLException {
        Bodies.requireJson(ctx);
        Requests.ChallengeRequest request =
                Bodies.json(Bodies.raw(ctx, MAX_SMALL_BODY), Requests.ChallengeRequest.class);
        try {
            ctx.json(s.deviceAuth().challenge(deviceId(request.deviceId())));
        } catch (ApiException e) {
            if (e.status() == 429) {
                ctx.header("Retry-After", Long.toString(DeviceAuth.CHALLENGE_TTL.toSeconds()));
            }
            throw e;
        }
    }

    private void token(Context ctx) throws SQLException {
        Bodies.requireJson(ctx);
        TokenRequest request = Bodies.json(Bodies.raw(ctx, MAX_SMALL_BODY), TokenRequest.class);
        ctx.json(s.deviceAuth()
                .token(
                        deviceId(request.deviceId()),
                        Requests.text(request.challengeId(), "challengeId", 40),
                        Requests.text(request.signature(), "signature", 200)));
    }

    private void batch(Context ctx) throws SQLException {
        Bodies.requireJson(ctx);
        Principal.Device device = Authenticator.device(ctx);
        IngestBatch batch = Bodies.json(Bodies.maybeGzip(ctx, MAX_BATCH_WIRE, MAX_BATCH_INFLATED), IngestBatch.class);
        ctx.json(s.ingest().ingest(device, batch));
    }

    /** The kiosk's journal, with the limits of a batch: 500 events of up to 8 KiB of text fit inflated. */
    private void events(Context ctx) throws SQLException {
        Bodies.requireJson(ctx);
        Principal.Device device = Authenticator.device(ctx);
        JsonNode tree = Bodies.json(Bodies.maybeGzip(ctx, MAX_BATCH_WIRE, MAX_BATCH_INFLATED), JsonNode.class);
        // A null in the list would fail inside the record's constructor, with a message naming no event.
        JsonNode events = tree.path("events");
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).isNull()) {
                throw ApiException.badRequest("invalid_event", "events[" + i + "] is null", Map.of("index", i));
            }
        }
        ctx.json(s.events().store(device, Bodies.json(tree, EventBatch.class)));
    }

    private void statuses(Context ctx) throws SQLException {
        Principal.Device device = Authenticator.device(ctx);
        String cursor = ctx.queryParam("cursor");
        int limit = intParam(ctx, "limit", 100);
        ctx.json(s.feed().page(device.deviceId(), cursor == null ? "" : cursor, limit));
    }

    private void lookup(Context ctx) throws SQLException {
        ReferenceNumber ref = ReferenceNumber.parse(ctx.pathParam("reference"))
                .orElseThrow(
                        () -> ApiException.badRequest("invalid_reference", "that is not a valid reference number"));
        ctx.json(s.feed().lookup(ref.toString()).orElseThrow(() -> ApiException.notFound("reference " + ref)));
    }

    private void heartbeat(Context ctx) throws SQLException {
        Bodies.requireJson(ctx);
        Heartbeat heartbeat = Bodies.json(Bodies.maybeGzip(ctx, MAX_SMALL_BODY, MAX_SMALL_BODY * 4), Heartbeat.class);
        ctx.json(s.heartbeats().record(Authenticator.device(ctx), heartbeat));
    }

    /** The device's current bundle of a kind, with its SHA-256 as a strong ETag: unchanged means 304. */
    private void bundle(Context ctx, String kind) throws SQLException {
        Principal.Device device = Authenticator.device(ctx);
        Bundles.Content content = s.offers()
                .contentFor(kind, device.deviceId(), device.centre())
                .orElseThrow(
                        () -> new ApiException(404, "none_published", "no " + kind + " is published for this device"));
        String etag = "\"" + content.sha256() + "\"";
        ctx.header("ETag", etag);
        ctx.header("X-Bundle-Version", Long.toString(content.version()));
        if (unchanged(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        ctx.contentType("application/zip").result(content.bytes());
    }

    /**
     * The release a rollout offers this device, resumable: one byte range is answered with 206 and only those
     * bytes, so a kiosk that lost its link at 180 MB fetches the rest, not the whole again. The bytes are the
     * bundle's as stored (never compressed on the way), which the kiosk checks against the offer's SHA-256.
     */
    private void release(Context ctx) throws SQLException {
        Principal.Device device = Authenticator.device(ctx);
        RolloutOffers.Release release = s.offers()
                .releaseDownload(device.deviceId())
                .orElseThrow(() -> new ApiException(404, "none_offered", "no release is offered to this device"));
        String etag = "\"" + release.sha256() + "\"";
        long total = release.size();
        ctx.disableCompression();
        ctx.header("ETag", etag);
        ctx.header("X-Bundle-Version", Long.toString(release.version()));
        ctx.header("Accept-Ranges", "bytes");
        String ifRange = ctx.header("If-Range");
        // A range of another file than this one is worthless: If-Range that does not match gets it all.
        ByteRange range = ifRange == null || ifRange.strip().equals(etag)
                ? ByteRange.of(ctx.header("Range"), total)
                : ByteRange.whole(total);
        if (range.outcome() == ByteRange.Outcome.UNSATISFIABLE) {
            ctx.header("Content-Range", "bytes */" + total);
            throw new ApiException(
                    416,
                    "range_not_satisfiable",
                    "release " + release.version() + " is " + total + " bytes; the range asked for starts past its"
                            + " end");
        }
        if (range.outcome() == ByteRange.Outcome.PART) {
            ctx.status(206);
            ctx.header("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + total);
        }
        // Streamed from the database a piece at a time: the whole of a 200 MB release is never in memory.
        ctx.header("Content-Length", Long.toString(range.length()));
        ctx.contentType("application/octet-stream")
                .result(new BundleStream(s.bundles(), release.bundleId(), range.first(), range.length()));
    }

    /**
     * If-None-Match compares weakly and may list several tags (RFC 9110, 13.1.2): a proxy that compresses on
     * the way may have turned our ETag into {@code W/"…"}, and a kiosk on a metered link must still get its 304.
     */
    static boolean unchanged(@Nullable String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    static String deviceId(String id) {
        String value = Requests.required(id, "deviceId");
        if (!value.matches("dev_[a-z0-9]{12}")) {
            throw ApiException.badRequest("invalid_device_id", "deviceId is the id the portal gave at enrolment");
        }
        return value;
    }

    static int intParam(Context ctx, String name, int fallback) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return fallback;
        }
        if (!value.matches("[0-9]{1,6}")) {
            throw ApiException.badRequest("invalid_parameter", name + " must be a whole number");
        }
        return Integer.parseInt(value);
    }
}
