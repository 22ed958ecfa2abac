package cn.tongban.deploy;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Prints fresh SM2 key pairs (curve {@code sm2p256v1}) in the text forms the services read: the private key as
 * base64 PKCS#8 ({@code tongban.signing.private-key}), the public key as base64 X.509 SubjectPublicKeyInfo
 * ({@code tongban.platform.centers[i].public-key}, {@code tongban.center.platform-public-key}). The same forms
 * as {@code cn.tongban.kit.crypto.Sm2Keys}, which is not on this module's main class path.
 *
 * <pre>
 * java -cp "$(cat deploy/target/launcher.classpath):deploy/target/classes" cn.tongban.deploy.KeyGenerator
 *     PRIVATE=&lt;base64 PKCS#8&gt;
 *     PUBLIC=&lt;base64 X.509&gt;
 * ... KeyGenerator --compose
 *     the host variables of deploy/docker-compose.yml, a fresh pair for the platform and each demo center
 * </pre>
 *
 * The output holds private keys: write it to a file only you can read, outside the repository.
 */
public final class KeyGenerator {

    private KeyGenerator() {
    }

    public static void main(String[] args) throws GeneralSecurityException {
        if (args.length == 0) {
            KeyPair pair = generate();
            System.out.println("PRIVATE=" + base64(pair.getPrivate().getEncoded()));
            System.out.println("PUBLIC=" + base64(pair.getPublic().getEncoded()));
        } else if (args.length == 1 && args[0].equals("--compose")) {
            printComposeVariables("TONGBAN_PLATFORM");
            for (DemoCenter center : FederationLayout.CENTERS) {
                printComposeVariables("TONGBAN_CENTER_" + center.code());
            }
        } else {
            System.err.println("usage: KeyGenerator            one key pair, as PRIVATE=... and PUBLIC=...");
            System.err.println("       KeyGenerator --compose  the host variables docker-compose.yml needs");
            System.exit(2);
        }
    }

    /** {@code <prefix>_SIGNING_KEY} and {@code <prefix>_PUBLIC_KEY} of one fresh pair. */
    private static void printComposeVariables(String prefix) throws GeneralSecurityException {
        KeyPair pair = generate();
        String name = prefix.toUpperCase(Locale.ROOT);
        System.out.println(name + "_SIGNING_KEY=" + base64(pair.getPrivate().getEncoded()));
        System.out.println(name + "_PUBLIC_KEY=" + base64(pair.getPublic().getEncoded()));
    }

    static KeyPair generate() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
        generator.initialize(ECNamedCurveTable.getParameterSpec("sm2p256v1"), new SecureRandom());
        return generator.generateKeyPair();
    }

    private static String base64(byte[] der) {
        return Base64.getEncoder().encodeToString(der);
    }
}
