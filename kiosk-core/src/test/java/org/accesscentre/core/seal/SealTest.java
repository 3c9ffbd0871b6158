package org.accesscentre.core.seal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.accesscentre.core.keys.Keys;
import org.junit.jupiter.api.Test;

class SealTest {
    private static final KeyPair PORTAL = Keys.generate(Keys.X25519);
    private static final byte[] ANSWERS = "{\"full-name\":\"Marie Joseph\"}".getBytes(StandardCharsets.UTF_8);

    private final Binding binding = new Binding(UUID.randomUUID(), "birth-certificate", 3);
    private final Sealer sealer = new Sealer(PORTAL.getPublic(), Clock.systemUTC());
    private final Opener opener = new Opener(List.of(PORTAL));

    @Test
    void theHolderOfThePortalKeyOpensWhatWasSealed() throws Exception {
        byte[] envelope = sealer.seal(ANSWERS, binding);
        assertEquals(ANSWERS.length + Envelope.OVERHEAD, envelope.length);
        assertArrayEquals(ANSWERS, opener.open(envelope, binding));
    }

    @Test
    void theClonedHmacDerivesTheKeyTheKdfApiDerives() throws Exception {
        javax.crypto.KDF hkdf = Envelope.hkdf();
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 50; i++) {
            byte[] shared = new byte[32];
            byte[] nonce = new byte[Envelope.NONCE_LENGTH];
            random.nextBytes(shared);
            random.nextBytes(nonce);
            javax.crypto.SecretKey prk = Envelope.extract(hkdf, shared, new byte[32], new byte[32]);
            byte[] bound = new Binding(UUID.randomUUID(), "service-" + i, i).encode();
            javax.crypto.Mac keyed = Envelope.keyed(prk);
            assertArrayEquals(
                    Envelope.messageKey(hkdf, prk, nonce, bound).getEncoded(),
                    Envelope.messageKey(keyed, nonce, bound).getEncoded());
        }
    }

    @Test
    void theBindingKeepsTheLayoutItWasFirstWrittenIn() throws Exception {
        Binding b = new Binding(UUID.randomUUID(), "birth-certificate", 3);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeLong(b.transactionId().getMostSignificantBits());
            out.writeLong(b.transactionId().getLeastSignificantBits());
            out.writeUTF(b.serviceId());
            out.writeInt(b.serviceVersion());
        }
        assertArrayEquals(bytes.toByteArray(), b.encode());
    }

    @Test
    void theAnswersDoNotAppearInTheEnvelope() {
        byte[] envelope = sealer.seal(ANSWERS, binding);
        String asText = new String(envelope, StandardCharsets.ISO_8859_1);
        assertFalse(asText.contains("Marie"));
    }

    @Test
    void tamperingWithAnyByteFailsToOpen() {
        byte[] envelope = sealer.seal(ANSWERS, binding);
        for (int i = 0; i < envelope.length; i++) {
            for (int bit : new int[] {0x01, 0x80}) {
                byte[] tampered = envelope.clone();
                tampered[i] ^= (byte) bit;
                int at = i;
                assertThrows(SealException.class, () -> opener.open(tampered, binding), () -> "byte " + at);
            }
        }
    }

    @Test
    void aFailedOpeningLeavesNothingBehindForTheNext() throws Exception {
        // The opener reuses its key agreement and cipher on each thread: a refusal must not spoil them.
        for (int i = 0; i < 20; i++) {
            byte[] envelope = sealer.seal(ANSWERS, binding);
            byte[] tampered = envelope.clone();
            tampered[tampered.length - 1 - i] ^= 1;
            assertThrows(SealException.class, () -> opener.open(tampered, binding));
            byte[] badPoint = envelope.clone();
            Arrays.fill(badPoint, 9, 9 + Envelope.PUBLIC_LENGTH, (byte) 0); // a small-order point
            assertThrows(SealException.class, () -> opener.open(badPoint, binding));
            assertArrayEquals(ANSWERS, opener.open(envelope, binding));
        }
    }

    @Test
    void oneOpenerOpensForManyThreadsAtOnce() throws Exception {
        int threads = 8;
        List<List<byte[]>> envelopes = new ArrayList<>();
        List<List<Binding>> bindings = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Sealer own = new Sealer(PORTAL.getPublic(), Clock.systemUTC());
            List<byte[]> sealed = new ArrayList<>();
            List<Binding> bound = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Binding b = new Binding(UUID.randomUUID(), "birth-certificate", 3);
                sealed.add(own.seal((t + ":" + i).getBytes(StandardCharsets.UTF_8), b));
                bound.add(b);
            }
            envelopes.add(sealed);
            bindings.add(bound);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> opened = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            for (int t = 0; t < threads; t++) {
                int thread = t;
                opened.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 40; i++) {
                        byte[] plain = opener.open(
                                envelopes.get(thread).get(i),
                                bindings.get(thread).get(i));
                        assertEquals(thread + ":" + i, new String(plain, StandardCharsets.UTF_8));
                    }
                    return 40;
                }));
            }
            start.countDown();
            for (Future<Integer> f : opened) {
                assertEquals(40, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void truncatedOrExtendedEnvelopesFailToOpen() {
        byte[] envelope = sealer.seal(ANSWERS, binding);
        for (int length = 0; length < envelope.length; length++) {
            byte[] cut = Arrays.copyOf(envelope, length);
            assertThrows(SealException.class, () -> opener.open(cut, binding));
        }
        assertThrows(SealException.class, () -> opener.open(Arrays.copyOf(envelope, envelope.length + 1), binding));
    }

    @Test
    void theWrongKeyFailsToOpen() {
        byte[] envelope = sealer.seal(ANSWERS, binding);
        KeyPair other = Keys.generate(Keys.X25519);
        SealException unknown =
                assertThrows(SealException.class, () -> new Opener(List.of(other)).open(envelope, binding));
        assertTrue(unknown.getMessage().contains("which this portal does not hold"), unknown.getMessage());

        // Same key id, different private key: a forged key id must not help.
        byte[] forged = envelope.clone();
        System.arraycopy(Keys.keyIdBytes(other.getPublic()), 0, forged, 1, 8);
        assertThrows(SealException.class, () -> new Opener(List.of(other)).open(forged, binding));
    }

    @Test
    void anEnvelopeOpensOnlyUnderItsOwnTransactionAndService() {
        byte[] envelope = sealer.seal(ANSWERS, binding);
        assertThrows(
                SealException.class,
                () -> opener.open(
                        envelope, new Binding(UUID.randomUUID(), binding.serviceId(), binding.serviceVersion())));
        assertThrows(
                SealException.class,
                () -> opener.open(envelope, new Binding(binding.transactionId(), "driving-licence", 3)));
        assertThrows(
                SealException.class,
                () -> opener.open(envelope, new Binding(binding.transactionId(), binding.serviceId(), 4)));
    }

    @Test
    void aRetiredKeyStillOpensOldEnvelopes() throws Exception {
        KeyPair retired = Keys.generate(Keys.X25519);
        byte[] old = new Sealer(retired.getPublic(), Clock.systemUTC()).seal(ANSWERS, binding);
        assertArrayEquals(ANSWERS, new Opener(List.of(PORTAL, retired)).open(old, binding));
    }

    @Test
    void eachEnvelopeHasItsOwnNonceAndCiphertext() {
        byte[] a = sealer.seal(ANSWERS, binding);
        byte[] b = sealer.seal(ANSWERS, binding);
        assertFalse(Arrays.equals(a, b));
        assertFalse(Arrays.equals(nonce(a), nonce(b)));
    }

    @Test
    void anEphemeralKeyServesAtMostMaxUsesEnvelopes() throws Exception {
        Sealer s = new Sealer(PORTAL.getPublic(), Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));
        byte[] first = s.seal(ANSWERS, binding);
        for (int i = 1; i < Sealer.MAX_USES; i++) {
            assertArrayEquals(ephemeral(first), ephemeral(s.seal(ANSWERS, binding)));
        }
        byte[] next = s.seal(ANSWERS, binding);
        assertFalse(Arrays.equals(ephemeral(first), ephemeral(next)));
        assertArrayEquals(ANSWERS, opener.open(next, binding));
    }

    @Test
    void anEphemeralKeyExpiresAfterMaxAgeAndWhenTheClockGoesBack() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
        Sealer s = new Sealer(PORTAL.getPublic(), clock);
        byte[] first = s.seal(ANSWERS, binding);
        clock.now = clock.now.plus(Sealer.MAX_AGE);
        assertArrayEquals(ephemeral(first), ephemeral(s.seal(ANSWERS, binding)));
        clock.now = clock.now.plusSeconds(1);
        byte[] later = s.seal(ANSWERS, binding);
        assertNotEquals(Arrays.toString(ephemeral(first)), Arrays.toString(ephemeral(later)));
        clock.now = clock.now.minusSeconds(3600);
        assertFalse(Arrays.equals(ephemeral(later), ephemeral(s.seal(ANSWERS, binding))));
    }

    @Test
    void garbageIsRefusedWithAReason() {
        SealException e = assertThrows(SealException.class, () -> opener.open(new byte[10], binding));
        assertTrue(e.getMessage().startsWith("too short"));
        byte[] wrongFormat = sealer.seal(ANSWERS, binding);
        wrongFormat[0] = 9;
        assertEquals(
                "unknown envelope format 9",
                assertThrows(SealException.class, () -> opener.open(wrongFormat, binding))
                        .getMessage());
    }

    private static byte[] ephemeral(byte[] envelope) {
        return Arrays.copyOfRange(envelope, 9, 41);
    }

    private static byte[] nonce(byte[] envelope) {
        return Arrays.copyOfRange(envelope, 41, 53);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
