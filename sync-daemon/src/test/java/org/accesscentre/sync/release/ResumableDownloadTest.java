package org.accesscentre.sync.release;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumableDownloadTest {
    @TempDir
    Path dir;

    private final BundleServer server = new BundleServer();
    private final OkHttpClient client = new OkHttpClient.Builder()
            .retryOnConnectionFailure(false)
            .readTimeout(java.time.Duration.ofSeconds(1))
            .build();
    private final ResumableDownload download = new ResumableDownload(client, 1 << 20);
    private final byte[] content = new byte[300_000];

    ResumableDownloadTest() throws IOException {
        new Random(7).nextBytes(content);
        server.serve(content);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ReleaseOffer offer() {
        return ReleaseOffer.of(3, server.url(), content.length, CraftedBundles.sha256(content));
    }

    @Test
    void aBrokenDownloadResumesFromThePartialFilesLength() throws Exception {
        Path part = dir.resolve("3.bundle.part");
        server.cutNextAfter(100_000);

        assertThrows(IOException.class, () -> download.fetch(offer(), part, n -> {}));
        long kept = Files.size(part);
        assertTrue(kept > 0 && kept <= 100_000, "kept " + kept);

        ResumableDownload.Result result = download.fetch(offer(), part, n -> {});

        assertEquals(new ResumableDownload.Result(kept, false), result);
        assertEquals(List.of("none", "bytes=" + kept + "-"), server.ranges);
        assertArrayEquals(content, Files.readAllBytes(part));
    }

    @Test
    void aDownloadInPiecesAsksForEachRangeAndChecksTheHashAtTheEnd() throws Exception {
        Path part = dir.resolve("3.bundle.part");
        int pieces = 0;
        while (!download.fetchSome(offer(), part, 64 * 1024)) {
            pieces++;
            assertEquals(pieces * 64L * 1024, Files.size(part), "one piece per call");
        }

        assertEquals((content.length + 64 * 1024 - 1) / (64 * 1024), pieces + 1);
        assertEquals("bytes=0-65535", server.ranges.getFirst());
        assertEquals("bytes=65536-131071", server.ranges.get(1));
        assertArrayEquals(content, Files.readAllBytes(part));
        assertTrue(download.fetchSome(offer(), part, 1), "complete: nothing more is asked for");
        assertEquals(pieces + 1, server.ranges.size());
    }

    @Test
    void aServerThatIgnoresTheRangeOfAPieceSendsTheWholeFileWhichIsTaken() throws Exception {
        Path part = dir.resolve("3.bundle.part");
        server.mode(BundleServer.Mode.IGNORES_RANGE);
        // A server that ignores Range sends the whole file: taken, since it is what the offer names.
        assertTrue(download.fetchSome(offer(), part, 1_000));
        assertArrayEquals(content, Files.readAllBytes(part));
    }

    @Test
    void aServerThatIgnoresRangeIsReadFromTheStartAgain() throws Exception {
        Path part = dir.resolve("3.bundle.part");
        Files.write(part, java.util.Arrays.copyOf(content, 5_000));
        server.mode(BundleServer.Mode.IGNORES_RANGE);

        ResumableDownload.Result result = download.fetch(offer(), part, n -> {});

        assertEquals(new ResumableDownload.Result(5_000, true), result);
        assertArrayEquals(content, Files.readAllBytes(part));
    }

    @Test
    void aRangeTheServerCannotSatisfyDiscardsThePartialFile() throws Exception {
        Path part = dir.resolve("3.bundle.part");
        Files.write(part, java.util.Arrays.copyOf(content, 5_000));
        server.mode(BundleServer.Mode.ALWAYS_416);

        ReleaseException e = assertThrows(ReleaseException.class, () -> download.fetch(offer(), part, n -> {}));

        assertEquals(
                "refused: the server cannot send bytes 5000- (416); the partial download was discarded",
                e.getMessage());
        assertFalse(Files.exists(part));
        server.mode(BundleServer.Mode.HONEST);
        download.fetch(offer(), part, n -> {});
        assertArrayEquals(content, Files.readAllBytes(part));
    }

    @Test
    void aBundleOverTheLimitIsRefusedBeforeAnythingIsFetched() {
        ReleaseOffer big = ReleaseOffer.of(3, server.url(), 2 << 20, CraftedBundles.sha256(content));

        ReleaseException e = assertThrows(ReleaseException.class, () -> download.fetch(big, dir.resolve("p"), n -> {}));

        assertEquals("refused: the offer names a bundle of 2097152 bytes; the limit is 1048576", e.getMessage());
        assertEquals(List.of(), server.ranges);
    }

    @Test
    void bytesThatDoNotHashToTheOfferAreDeleted() throws Exception {
        Path part = dir.resolve("p");
        ReleaseOffer wrong = ReleaseOffer.of(3, server.url(), content.length, "0".repeat(64));

        ReleaseException e = assertThrows(ReleaseException.class, () -> download.fetch(wrong, part, n -> {}));

        assertTrue(e.getMessage().startsWith("refused: the downloaded bundle's SHA-256 is "), e.getMessage());
        assertFalse(Files.exists(part));
    }

    @Test
    void aServerSendingMoreOrFewerBytesThanOfferedIsRefused() throws Exception {
        ReleaseOffer smaller = ReleaseOffer.of(3, server.url(), 1_000, CraftedBundles.sha256(content));
        assertEquals(
                "refused: the server sends 300000 bytes but the offer says 1000",
                assertThrows(ReleaseException.class, () -> download.fetch(smaller, dir.resolve("a"), n -> {}))
                        .getMessage());

        server.mode(BundleServer.Mode.SHORT_BODY);
        assertEquals(
                "refused: the server sends 299990 bytes but the offer says 300000",
                assertThrows(ReleaseException.class, () -> download.fetch(offer(), dir.resolve("b"), n -> {}))
                        .getMessage());
        assertFalse(Files.exists(dir.resolve("b")));
    }
}
