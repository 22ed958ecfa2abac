package cn.tongban.kit.messaging;

import cn.tongban.contracts.event.CanonicalForm;
import cn.tongban.kit.crypto.Sm2Signer;
import cn.tongban.kit.crypto.Sm2Verifier;
import java.security.PublicKey;

/**
 * Signatures of events (the {@code tbsig} extension): SM2 with SM3 over the event's {@link CanonicalForm},
 * made by the sender's outbox publisher and checked by every receiver against the sender's registered key.
 */
public final class EventSignatures {

    private final Sm2Signer signer;

    public EventSignatures(Sm2Signer signer) {
        this.signer = signer;
    }

    public String sign(CanonicalForm form) {
        return signer.sign(form.toBytes());
    }

    /** Whether the event carries a signature that the given key made over exactly these bytes. */
    public static boolean verify(ReceivedEvent event, PublicKey sendersKey) {
        return event.signature() != null && !event.signature().isBlank()
                && new Sm2Verifier(sendersKey).verify(event.canonicalForm().toBytes(), event.signature());
    }

    /** Throws the dead-letter reason when the event is unsigned or not signed by the holder of the key. */
    public static void require(ReceivedEvent event, PublicKey sendersKey, String sender) {
        if (event.signature() == null || event.signature().isBlank()) {
            throw new MalformedEventException("UNSIGNED", "the event carries no signature (tbsig) from " + sender);
        }
        if (!verify(event, sendersKey)) {
            throw new MalformedEventException("BAD_SIGNATURE", "the signature does not verify against the key of " + sender);
        }
    }
}
