package org.accesscentre.core.seal;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.Cipher;
import javax.crypto.KDF;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.accesscentre.core.keys.Keys;
import org.jspecify.annotations.Nullable;

/**
 * Seals payloads to the portal's X25519 public key (see {@link Envelope} for the format).
 *
 * <p>An ephemeral key pair and its key agreement cost about 0.35 ms in the JDK on a developer machine,
 * more than a durable SQLite commit there. So one ephemeral key serves a short burst: at most
 * {@link #MAX_USES} envelopes within {@link #MAX_AGE}, and only in memory. Every envelope still gets its own
 * AES key, derived from a fresh random nonce and its binding. At a kiosk's real pace, minutes between
 * requests, nearly every envelope has its own ephemeral key; the reuse only helps bursts such as a
 * simulated fleet or a benchmark. Nothing that could open an envelope is ever written to disk.
 */
public final class Sealer {
    /** Envelopes per ephemeral key, at most. */
    public static final int MAX_USES = 256;
    /** How long one ephemeral key may be used, at most. */
    public static final Duration MAX_AGE = Duration.ofSeconds(60);

    private final PublicKey recipient;
    private final byte[] recipientRaw;
    private final byte[] recipientId;
    private final Clock clock;
    private final SecureRandom random;
    private @Nullable Ephemeral current;
    private final KDF hkdf;
    private final Cipher cipher;

    public Sealer(PublicKey recipient, Clock clock) {
        this(recipient, clock, new SecureRandom());
    }

    Sealer(PublicKey recipient, Clock clock, SecureRandom random) {
        this.recipient = recipient;
        this.recipientRaw = Keys.x25519Raw(recipient);
        this.recipientId = Keys.keyIdBytes(recipient);
        this.clock = clock;
        this.random = random;
        try {
            this.hkdf = Envelope.hkdf();
            this.cipher = Cipher.getInstance(Envelope.CIPHER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK lacks HKDF-SHA256 or AES-GCM", e);
        }
    }

    /** The id of the portal key envelopes are sealed to. */
    public String recipientKeyId() {
        return Keys.keyId(recipient);
    }

    /** Seals {@code plaintext}, bound to {@code binding}. One envelope at a time: the cipher is reused. */
    public synchronized byte[] seal(byte[] plaintext, Binding binding) {
        try {
            Ephemeral eph = ephemeral();
            byte[] bound = binding.encode();
            byte[] out = new byte[Envelope.OVERHEAD + plaintext.length];
            out[0] = Envelope.FORMAT;
            System.arraycopy(recipientId, 0, out, 1, Envelope.KEY_ID_LENGTH);
            System.arraycopy(eph.publicRaw, 0, out, 1 + Envelope.KEY_ID_LENGTH, Envelope.PUBLIC_LENGTH);
            byte[] nonce = new byte[Envelope.NONCE_LENGTH];
            random.nextBytes(nonce);
            System.arraycopy(nonce, 0, out, Envelope.HEADER_LENGTH - Envelope.NONCE_LENGTH, Envelope.NONCE_LENGTH);

            SecretKey key = Envelope.messageKey(eph.prk, nonce, bound);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(Envelope.TAG_BITS, nonce));
            cipher.updateAAD(Envelope.associatedData(out, bound));
            cipher.doFinal(plaintext, 0, plaintext.length, out, Envelope.HEADER_LENGTH);
            return out;
        } catch (GeneralSecurityException e) {
            // Only a JDK without X25519, HKDF or AES-GCM gets here; every JDK 25 has them.
            throw new IllegalStateException("sealing failed", e);
        }
    }

    private Ephemeral ephemeral() throws GeneralSecurityException {
        Instant now = clock.instant();
        Ephemeral eph = current;
        if (eph == null
                || eph.uses >= MAX_USES
                || now.isBefore(eph.created)
                || Duration.between(eph.created, now).compareTo(MAX_AGE) > 0) {
            eph = newEphemeral(now);
            current = eph;
        }
        eph.uses++;
        return eph;
    }

    private Ephemeral newEphemeral(Instant now) throws GeneralSecurityException {
        KeyPair pair = Keys.generate(Keys.X25519);
        KeyAgreement agreement = KeyAgreement.getInstance(Keys.X25519);
        agreement.init(pair.getPrivate());
        agreement.doPhase(recipient, true);
        byte[] publicRaw = Keys.x25519Raw(pair.getPublic());
        SecretKey prk = Envelope.extract(hkdf, agreement.generateSecret(), publicRaw, recipientRaw);
        return new Ephemeral(publicRaw, Envelope.keyed(prk), now);
    }

    private static final class Ephemeral {
        final byte[] publicRaw;
        /** HMAC-SHA256 keyed with the ephemeral key's HKDF pseudorandom key; cloned for each envelope. */
        final Mac prk;

        final Instant created;
        int uses;

        Ephemeral(byte[] publicRaw, Mac prk, Instant created) {
            this.publicRaw = publicRaw;
            this.prk = prk;
            this.created = created;
        }
    }
}
