package org.accesscentre.device.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionTest {
    @Test
    void httpsIsTakenAsGivenWithoutATrailingSlash() {
        assertEquals(URI.create("https://portal.gov.lc"), Connection.portalUri("https://portal.gov.lc/", false));
        assertEquals(
                URI.create("https://gov.lc/kiosk-portal"),
                Connection.portalUri(" HTTPS://gov.lc/kiosk-portal// ", false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://localhost:8080", "http://[::1]:8080", "http://127.1.2.3"})
    void httpIsAllowedToThisMachine(String url) {
        assertEquals(URI.create(url), Connection.portalUri(url, false));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"http://portal.gov.lc", "http://10.0.0.5:8080", "http://localhost.evil.example", "http://[::2]"})
    void httpToAnotherMachineNeedsInsecure(String url) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Connection.portalUri(url, false));
        assertTrue(e.getMessage().startsWith("refusing to send the token in clear to "), e.getMessage());
        assertEquals(URI.create(url), Connection.portalUri(url, true));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "portal.gov.lc",
                "ftp://portal.gov.lc",
                "https://",
                "https://user:pass@portal.gov.lc",
                "https://portal.gov.lc/?x=1",
                "https://portal.gov.lc/#top",
                "https://portal gov"
            })
    void whatIsNotAPortalUrlIsRefused(String url) {
        assertThrows(IllegalArgumentException.class, () -> Connection.portalUri(url, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tk_a.b c", "tk_a.b\r\nX-Evil: 1", "tk_é.b"})
    void aTokenWithCharactersATokenNeverHasIsRefusedWithoutBeingQuoted(String token) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Connection.checkToken(token));
        assertFalse(!token.isEmpty() && e.getMessage().contains(token));
    }

    @Test
    void theTokenIsNeverInTheConnectionsText() {
        Connection c = new Connection(URI.create("https://portal.gov.lc"), "tk_abcdefghijkl.secret");
        assertFalse(c.toString().contains("secret"), c.toString());
    }

    @Test
    void loopbackIsDecidedWithoutAskingDns() {
        assertTrue(Connection.isLoopback("LOCALHOST"));
        assertTrue(Connection.isLoopback("[0:0:0:0:0:0:0:1]"));
        assertFalse(Connection.isLoopback("127.0.0.1.nip.io"));
        assertFalse(Connection.isLoopback("portal"));
    }
}
