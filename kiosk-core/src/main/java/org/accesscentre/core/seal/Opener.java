package org.accesscentre.core.seal;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KDF;
import javax.crypto.KeyAgreement;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.accesscentre.core.keys.KeyFormatException;
import org.accesscentre.core.keys.Keys;

/**
 * Opens envelopes on the portal with its X25519 private keys: the current one and any retired ones still
 * needed for envelopes sealed before a key rotation. Safe to share between threads: each thread opens with
 * its own key agreement, KDF and cipher, made once, since looking them up in the JCA providers for every
 * envelope cost more than the AES-GCM itself.
 */
public final class Opener {
    private final Map<String, KeyPair> keysById = new LinkedHashMap<>();
    private final ThreadLocal<Tools> tools = ThreadLocal.withInitial(Tools::make);

    public Opener(List<KeyPair> keys) {
        for (KeyPair pair : keys) {
            keysById.put(Keys.keyId(pair.getPublic()), pair);
        }
    }

    /** Opens {@code envelope}, which must be bound to {@code binding}. */
    public byte[] open(byte[] envelope, Binding binding) throws SealException {
        if (envelope.length < Envelope.OVERHEAD) {
            throw new SealException("too short to be a sealed envelope (" + envelope.length + " bytes)");
        }
        if (envelope[0] != Envelope.FORMAT) {
            throw new SealException("unknown envelope format " + envelope[0]);
        }
        String keyId = HexFormat.of().formatHex(envelope, 1, 1 + Envelope.KEY_ID_LENGTH);
        KeyPair recipient = keysById.get(keyId);
        if (recipient == null) {
            throw new SealException("sealed to key " + keyId + ", which this portal does not hold");
        }
        int ephStart = 1 + Envelope.KEY_ID_LENGTH;
        byte[] ephRaw = Arrays.copyOfRange(envelope, ephStart, ephStart + Envelope.PUBLIC_LENGTH);
        byte[] nonce =
                Arrays.copyOfRange(envelope, Envelope.HEADER_LENGTH - Envelope.NONCE_LENGTH, Envelope.HEADER_LENGTH);
        byte[] bound = binding.encode();
        try {
            PublicKey ephemeral = Keys.x25519FromRaw(ephRaw);
            Tools t = tools.get();
            KeyAgreement agreement = t.agreement();
            agreement.init(recipient.getPrivate());
            agreement.doPhase(ephemeral, true);
            SecretKey prk = Envelope.extract(
                    t.hkdf(), agreement.generateSecret(), ephRaw, Keys.x25519Raw(recipient.getPublic()));
            SecretKey key = Envelope.messageKey(t.hkdf(), prk, nonce, bound);
            Cipher cipher = t.cipher();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(Envelope.TAG_BITS, nonce));
            cipher.updateAAD(Envelope.associatedData(envelope, bound));
            return cipher.doFinal(envelope, Envelope.HEADER_LENGTH, envelope.length - Envelope.HEADER_LENGTH);
        } catch (AEADBadTagException e) {
            throw new SealException("the envelope was altered, or is bound to another transaction or service");
        } catch (KeyFormatException | GeneralSecurityException e) {
            // An invalid ephemeral point (such as one of small order) makes key agreement fail.
            throw new SealException("the envelope's ephemeral key is invalid");
        }
    }

    /** One thread's JCA objects; each is fully re-initialised for every envelope, so none carries state over. */
    private record Tools(KeyAgreement agreement, KDF hkdf, Cipher cipher) {
        static Tools make() {
            try {
                return new Tools(
                        KeyAgreement.getInstance(Keys.X25519), Envelope.hkdf(), Cipher.getInstance(Envelope.CIPHER));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("this JDK lacks X25519, HKDF-SHA256 or AES-GCM", e);
            }
        }
    }
}
