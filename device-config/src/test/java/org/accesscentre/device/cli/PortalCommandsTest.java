package org.accesscentre.device.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The portal commands against a stand-in portal: where settings come from, and how failures read. */
class PortalCommandsTest {
    private static final String TOKEN = "tk_abcdefghijkl.s3cr3t";

    @TempDir
    Path home;

    private FakePortal portal;

    @BeforeEach
    void start() throws Exception {
        portal = new FakePortal();
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    private Ctl.Result run(String... args) {
        return Ctl.runIn(Map.of(), home, args);
    }

    /** A command with the stand-in's URL and the token on the command line. */
    private Ctl.Result call(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--portal";
        all[args.length + 1] = portal.url();
        all[args.length + 2] = "--token";
        all[args.length + 3] = TOKEN;
        return run(all);
    }

    private Path envFile(String text, String mode) throws Exception {
        Path f = home.resolve(".config/kioskctl/env");
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
        return f;
    }

    @Test
    void theTokenOnTheCommandLineWinsOverTheVariableWhichWinsOverTheFile() throws Exception {
        envFile("KIOSK_PORTAL=" + portal.url() + "\nKIOSK_TOKEN=tk_fromfile.x\n", "rw-------");
        Map<String, String> variables = Map.of("KIOSK_TOKEN", "tk_fromvariable.x");

        Ctl.runIn(variables, home, "tx", "stats", "--token", "tk_fromoption.x");
        String fromOption = portal.last().header("Authorization");
        Ctl.runIn(variables, home, "tx", "stats");
        String fromVariable = portal.last().header("Authorization");
        Ctl.runIn(Map.of(), home, "tx", "stats");
        String fromFile = portal.last().header("Authorization");

        assertEquals("Bearer tk_fromoption.x", fromOption);
        assertEquals("Bearer tk_fromvariable.x", fromVariable);
        assertEquals("Bearer tk_fromfile.x", fromFile);
    }

    @Test
    void anEnvFileOthersCanReadIsRefusedInOneLineAndNothingIsSent() throws Exception {
        Path f = envFile("KIOSK_PORTAL=" + portal.url() + "\nKIOSK_TOKEN=" + TOKEN + "\n", "rw-r--r--");

        Ctl.Result r = run("device", "list");

        assertEquals(1, r.exit());
        assertEquals(
                "kioskctl: " + f + ": others may read or change it (rw-r--r--) and it holds a token; chmod 600 it",
                r.errorLine());
        assertEquals(0, portal.requests().size());
    }

    @Test
    void noPortalAnywhereIsAUsageError() {
        Ctl.Result r = run("device", "list");

        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("which portal? give --portal URL, set KIOSK_PORTAL, or write"), r.err());
    }

    @Test
    void httpToAnotherMachineIsRefusedBeforeAnythingIsSent() {
        Ctl.Result r = run("tx", "stats", "--portal", "http://portal.gov.lc", "--token", TOKEN);

        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("--portal: refusing to send the token in clear to portal.gov.lc"), r.err());
        assertFalse(r.err().contains(TOKEN));
    }

    @Test
    void aPortalErrorIsOneLineWithStatusCodeAndMessage() {
        portal.answer(FakePortal.json(
                403, "{\"code\":\"forbidden\",\"message\":\"a read_only token may not do this\",\"details\":{}}"));

        Ctl.Result r = call("enrol-code", "create", "--centre", "SOU", "--kiosk", "3");

        assertEquals(1, r.exit());
        assertEquals("kioskctl: 403 forbidden: a read_only token may not do this", r.errorLine());
        assertEquals("", r.out());
    }

    @Test
    void anErrorsDetailsSuchAsTheIncidentAreKept() {
        portal.answer(FakePortal.json(
                500,
                "{\"code\":\"internal\",\"message\":\"something went wrong\",\"details\":{\"incident\":\"4f1c\"}}"));

        assertEquals(
                "kioskctl: 500 internal: something went wrong (incident: 4f1c)",
                call("tx", "stats").errorLine());
    }

    @Test
    void anAnswerThatIsNotThePortalsSaysSo() {
        portal.answer(new FakePortal.Answer(502, "text/html", "<html>\n<h1>Bad Gateway</h1>".getBytes(), Map.of()));
        Ctl.Result proxy = call("fleet", "list");
        portal.answer(new FakePortal.Answer(200, "text/html", "<html>welcome</html>".getBytes(), Map.of()));
        Ctl.Result notJson = call("fleet", "list");

        assertEquals(1, proxy.exit());
        assertEquals("kioskctl: 502 bad_gateway: not an answer of the portal (a proxy in between?)", proxy.errorLine());
        assertEquals(
                "kioskctl: " + portal.url() + " answered 200: the answer is not JSON; is this the portal?",
                notJson.errorLine());
    }

    @Test
    void aRedirectIsNotFollowedSinceItWouldCarryTheToken() {
        portal.answer(new FakePortal.Answer(
                301, "text/plain", new byte[0], Map.of("Location", "https://elsewhere.example/api/v1/admin/devices")));

        Ctl.Result r = call("device", "list");

        assertEquals(1, r.exit());
        assertTrue(
                r.errorLine().contains("a redirect to https://elsewhere.example/api/v1/admin/devices; not followed"));
        assertEquals(1, portal.requests().size());
    }

    @Test
    void anAnswerLargerThanAnyJsonOnTheWireIsNotRead() {
        byte[] huge = new byte[(16 << 20) + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        portal.answer(new FakePortal.Answer(200, "application/json", huge, Map.of()));

        Ctl.Result r = call("tx", "stats");

        assertEquals(1, r.exit());
        assertEquals("kioskctl: " + portal.url() + ": the answer is larger than 16777216 bytes", r.errorLine());
    }

    @Test
    void aPortalThatIsNotThereIsOneLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }

        Ctl.Result r = run("tx", "stats", "--portal", "http://127.0.0.1:" + port, "--token", TOKEN);

        assertEquals(1, r.exit());
        assertEquals("kioskctl: cannot reach http://127.0.0.1:" + port + ": connection refused", r.errorLine());
    }

    @Test
    void txStatsJsonIsOneLineAndThePlainFormIsASmallTable() {
        portal.answer(FakePortal.json(
                200, "{\n \"received\": 12, \"accepted\": 9, \"rejected\": 1, \"duplicates\": 2, \"conflicts\": 0\n}"));

        Ctl.Result json = call("tx", "stats", "--json");
        Ctl.Result table = call("tx", "stats");

        assertEquals("{\"received\":12,\"accepted\":9,\"rejected\":1,\"duplicates\":2,\"conflicts\":0}\n", json.out());
        assertEquals("""
                received    12
                accepted     9
                rejected     1
                duplicates   2
                conflicts    0
                """, table.out());
        assertEquals("Bearer " + TOKEN, portal.last().header("Authorization"));
        assertEquals("/api/v1/admin/stats/transactions", portal.last().rawPath());
    }

    @Test
    void anIdCannotReachAnotherRoute() {
        Ctl.Result r = call("device", "revoke", "../../tokens/tk_abcdefghijkl", "--reason", "test");

        assertEquals(0, r.exit(), r.err());
        assertEquals(
                "/api/v1/admin/devices/..%2F..%2Ftokens%2Ftk_abcdefghijkl/revoke",
                portal.last().rawPath());
        assertEquals("{\"reason\":\"test\"}", portal.last().text());
    }

    @Test
    void revokingAWholeTokenIsRefusedSoItsSecretIsNeverSent() {
        Ctl.Result r = call("token", "revoke", TOKEN);

        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("give the token's id, the part before the dot"), r.err());
        assertFalse(r.err().contains("s3cr3t"));
        assertEquals(0, portal.requests().size());
    }

    @Test
    void publishSendsTheFileAsZipWithItsTarget() throws Exception {
        Path bundle = home.resolve("catalogue.bundle");
        byte[] bytes = "PK not really a zip".getBytes(StandardCharsets.UTF_8);
        Files.write(bundle, bytes);
        portal.answer(FakePortal.json(
                201,
                "{\"id\":4,\"kind\":\"config\",\"version\":7,\"target\":\"centre:SOU\",\"size\":19,"
                        + "\"signedBy\":\"k1\"}"));

        Ctl.Result r = call("publish", bundle.toString(), "--target", "centre:SOU");

        assertEquals(0, r.exit(), r.err());
        assertEquals("ok: published config version 7 for centre:SOU (bundle 4, 19 bytes, signed by k1)\n", r.out());
        assertEquals("POST", portal.last().method());
        assertEquals("application/zip", portal.last().header("Content-Type"));
        assertEquals("target=centre%3ASOU", portal.last().rawQuery());
        assertArrayEquals(bytes, portal.last().body());
    }

    @Test
    void usageMistakesAreCaughtBeforeAnythingIsSent() {
        assertEquals(2, call("publish", "x.bundle", "--target", "everyone").exit());
        assertEquals(
                2, call("token", "create", "--name", "n", "--role", "admin").exit());
        assertEquals(
                2,
                call("command", "send", "dev_abcdefghijkl", "--type", "reboot").exit());
        assertEquals(2, call("tx", "daily", "--from", "1 May").exit());
        assertEquals(0, portal.requests().size());
    }

    @Test
    void aMissingBundleFileIsNamed() {
        Ctl.Result r = call("publish", home.resolve("missing.bundle").toString());

        assertEquals(1, r.exit());
        assertEquals(home.resolve("missing.bundle") + ": no such file", r.errorLine());
    }

    @Test
    void aCreatedTokenIsAloneOnStandardOutput() {
        portal.answer(FakePortal.json(
                201,
                "{\"token\":\"tk_newnewnewnew.abc\",\"info\":{\"id\":\"tk_newnewnewnew\",\"role\":\"READ_ONLY\"}}"));

        Ctl.Result r = call("token", "create", "--name", "Dashboard", "--role", "read_only", "--expires-in-days", "30");

        assertEquals(0, r.exit(), r.err());
        assertEquals("tk_newnewnewnew.abc\n", r.out());
        assertTrue(r.err().contains("created tk_newnewnewnew (read_only, expires never)"), r.err());
        assertEquals(
                "{\"name\":\"Dashboard\",\"role\":\"read_only\",\"expiresInDays\":30}",
                portal.last().text());
    }

    @Test
    void tablesAlignColumnsAndKeepEachValueOnOneLine() {
        portal.answer(FakePortal.json(200, """
                [{"deviceId":"dev_aaaaaaaaaaaa","centre":"SOU","kiosk":3,"state":"online","queueDepth":12,
                  "lastError":"printer\\u001b[31m jam\\nagain"},
                 {"deviceId":"dev_bbbbbbbbbbbb","centre":"CAS","kiosk":10,"state":"never_seen","queueDepth":null}]
                """));

        String out = call("fleet", "list").out();

        String[] lines = out.split("\n");
        assertEquals(3, lines.length, out);
        assertTrue(lines[0].startsWith("DEVICE            CENTRE  KIOSK  STATE       LAST SEEN"), lines[0]);
        assertTrue(lines[1].startsWith("dev_aaaaaaaaaaaa  SOU         3  online      -"), lines[1]);
        assertTrue(lines[1].endsWith("printer [31m jam again"), lines[1]);
        assertTrue(lines[2].startsWith("dev_bbbbbbbbbbbb  CAS        10  never_seen  -"), lines[2]);
    }
}
