package org.accesscentre.sync.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.accesscentre.sync.net.Failure;
import org.accesscentre.sync.net.Failure.Kind;
import org.accesscentre.sync.net.Failures;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every line of the network decision table, with the answer that reaches it. */
class FailuresDecisionTableTest {
    private static final String JSON = "application/json";
    private static final String PORTAL_DATE = "Sun, 22 Nov 2026 14:00:00 GMT";

    private static Failure answer(int status) {
        return Failures.of(status, null, new byte[0], null, null);
    }

    private static Failure answer(int status, String contentType, String body) {
        return Failures.of(status, contentType, body.getBytes(StandardCharsets.UTF_8), null, null);
    }

    private static Failure waitAnswer(int status, @Nullable String retryAfter, @Nullable String date) {
        return Failures.of(status, JSON, "{\"code\":\"busy\"}".getBytes(StandardCharsets.UTF_8), retryAfter, date);
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void aRedirectIsALoginPageInTheWay(int status) {
        Failure f = answer(status, "text/html", "<html>Welcome to the hotel wifi</html>");
        assertEquals(Kind.CAPTIVE, f.kind());
        assertTrue(f.linkDown());
        assertTrue(f.reason().contains("login page"), f.reason());
    }

    @Test
    void aTwoHundredThatIsNotThePortalsJsonIsCaptive() {
        Failure f = Failures.notThePortal(200);
        assertEquals(Kind.CAPTIVE, f.kind());
        assertEquals(200, f.status());
        assertTrue(f.linkDown());
    }

    @Test
    void unauthorizedMeansSignInAgainAndIsNotALinkProblem() {
        Failure f = answer(401, JSON, "{\"code\":\"unauthorized\",\"message\":\"expired\"}");
        assertEquals(Kind.UNAUTHORIZED, f.kind());
        assertEquals("unauthorized", f.code());
        assertFalse(f.linkDown());
    }

    @Test
    void forbiddenWithDeviceRevokedStopsTheKiosk() {
        Failure f = answer(403, JSON, "{\"code\":\"device_revoked\",\"message\":\"revoked by the ICT office\"}");
        assertEquals(Kind.REVOKED, f.kind());
        assertEquals(403, f.status());
        assertFalse(f.linkDown());
        assertTrue(f.reason().contains("revoked"), f.reason());
    }

    @Test
    void forbiddenWithoutTheRevokedCodeIsAnOrdinaryRefusal() {
        assertEquals(Kind.REFUSED, answer(403, JSON, "{\"code\":\"forbidden\"}").kind());
        assertEquals(Kind.REFUSED, answer(403).kind());
    }

    @Test
    void aRevokedCodeOutsideJsonIsNotBelieved() {
        // A proxy's HTML page that happens to contain the words is not the portal speaking.
        Failure f = answer(403, "text/html", "{\"code\":\"device_revoked\"}");
        assertEquals(Kind.REFUSED, f.kind());
        assertNull(f.code());
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 503})
    void retryAfterInSecondsIsTakenAsSaid(int status) {
        Failure f = waitAnswer(status, "120", PORTAL_DATE);
        assertEquals(Kind.RATE_LIMITED, f.kind());
        assertEquals(Duration.ofSeconds(120), f.retryAfter());
        assertEquals("busy", f.code());
        assertTrue(f.linkDown());
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 503})
    void retryAfterAsADateIsMeasuredAgainstTheResponsesDateHeader(int status) {
        // The kiosk's own clock is never consulted: only the two headers of the same response.
        Failure f = waitAnswer(status, "Sun, 22 Nov 2026 14:02:30 GMT", PORTAL_DATE);
        assertEquals(Kind.RATE_LIMITED, f.kind());
        assertEquals(Duration.ofSeconds(150), f.retryAfter());
    }

    @Test
    void aRetryAfterOfYearsIsHeldToAnHour() {
        // A proxy's "come back in 31 years" must not park citizens' requests, which keep their retry time in
        // the store across restarts; an hour is also the longest poll interval the daemon accepts.
        assertEquals(
                Duration.ofHours(1), waitAnswer(503, "999999999", PORTAL_DATE).retryAfter());
        assertEquals(
                Duration.ofHours(1),
                waitAnswer(429, "Mon, 22 Nov 2027 14:00:00 GMT", PORTAL_DATE).retryAfter());
        assertEquals(
                Duration.ofSeconds(3600), waitAnswer(503, "3600", PORTAL_DATE).retryAfter());
    }

    @Test
    void retryAfterADateAlreadyPastMeansNow() {
        assertEquals(
                Duration.ZERO,
                waitAnswer(503, "Sun, 22 Nov 2026 13:59:00 GMT", PORTAL_DATE).retryAfter());
    }

    @Test
    void retryAfterADateWithoutTheResponsesDateIsNotGuessedFromTheKioskClock() {
        Failure f = waitAnswer(429, "Sun, 22 Nov 2026 14:02:30 GMT", null);
        assertEquals(Kind.RATE_LIMITED, f.kind());
        assertNull(f.retryAfter()); // the daemon then backs off with jitter
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "soon", "-5", "1.5", "Someday, 99 Nov 2026"})
    void anUnreadableRetryAfterFallsBackToBackoff(String value) {
        Failure f = waitAnswer(503, value, PORTAL_DATE);
        assertEquals(Kind.RATE_LIMITED, f.kind());
        assertNull(f.retryAfter());
    }

    @Test
    void aServiceUnavailableWithoutRetryAfterStillWaits() {
        Failure f = answer(503);
        assertEquals(Kind.RATE_LIMITED, f.kind());
        assertNull(f.retryAfter());
        assertTrue(f.linkDown());
    }

    @Test
    void tooLargeMeansSendLess() {
        Failure f = answer(413, JSON, "{\"code\":\"too_large\"}");
        assertEquals(Kind.TOO_LARGE, f.kind());
        assertFalse(f.linkDown());
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 504, 599})
    void theServersOwnTroubleIsResentLater(int status) {
        Failure f = answer(status, "text/html", "<h1>Bad Gateway</h1>");
        assertEquals(Kind.SERVER, f.kind());
        assertTrue(f.linkDown());
        assertTrue(f.reason().contains(Integer.toString(status)), f.reason());
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 405, 409, 415, 422})
    void anyOtherClientErrorIsFinalAndNamesThePortalsCode(int status) {
        Failure f = answer(status, JSON + "; charset=utf-8", "{\"code\":\"invalid_batch\",\"message\":\"no\"}");
        assertEquals(Kind.REFUSED, f.kind());
        assertEquals("invalid_batch", f.code());
        assertFalse(f.linkDown());
        assertTrue(f.reason().contains(status + " invalid_batch"), f.reason());
    }

    @Test
    void aBrokenJsonErrorBodyIsStillAnOrdinaryRefusal() {
        Failure f = answer(400, JSON, "{\"code\":");
        assertEquals(Kind.REFUSED, f.kind());
        assertNull(f.code());
    }

    @Test
    void aPinMismatchIsOfflineAndSaysSo() {
        Failure f = Failures.of(new SSLPeerUnverifiedException("Certificate pinning failure!"));
        assertEquals(Kind.OFFLINE, f.kind());
        assertEquals(0, f.status());
        assertTrue(f.reason().contains("pinned"), f.reason());
    }

    @Test
    void anUntrustedCertificateIsOfflineAndSaysTheSecureConnectionFailed() {
        Failure f = Failures.of(new SSLHandshakeException("PKIX path building failed"));
        assertEquals(Kind.OFFLINE, f.kind());
        assertTrue(f.reason().contains("secure connection"), f.reason());
    }

    @Test
    void anUnknownHostIsOffline() {
        Failure f = Failures.of(new UnknownHostException("portal.gov.lc"));
        assertEquals(Kind.OFFLINE, f.kind());
        assertTrue(f.reason().contains("cannot be found"), f.reason());
    }

    @Test
    void aRefusedConnectionIsOffline() {
        Failure f = Failures.of(new ConnectException("Connection refused"));
        assertEquals(Kind.OFFLINE, f.kind());
        assertTrue(f.reason().contains("no connection"), f.reason());
    }

    @Test
    void aTimeoutIsOffline() {
        Failure f = Failures.of(new SocketTimeoutException("timeout"));
        assertEquals(Kind.OFFLINE, f.kind());
        assertTrue(f.reason().contains("too long"), f.reason());
        assertEquals(
                Kind.OFFLINE,
                Failures.of(new java.io.InterruptedIOException("timeout")).kind());
    }

    @Test
    void anyOtherBrokenExchangeIsOffline() {
        Failure f = Failures.of(new IOException("unexpected end of stream"));
        assertEquals(Kind.OFFLINE, f.kind());
        assertTrue(f.linkDown());
        assertTrue(f.reason().contains("unexpected end of stream"), f.reason());
    }
}
