package org.singlewindow.tools;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import org.singlewindow.security.CmsSignatures;
import org.singlewindow.security.Pem;
import org.singlewindow.security.Sm3;

/**
 * Checks a webhook delivery as its receiver would:
 * {@code WebhookVerify <X-SW-Timestamp> <body file> <X-SW-Webhook-Signature> (--secret <secret> | --root <ca.pem>)}.
 * The signed content is {@code <timestamp>.<body>}: with {@code --secret} (an HMAC-SM3 endpoint's secret, shown once
 * at registration) the signature is its MAC in hex; with {@code --root} (the federation's CA certificate) it is the
 * province node's detached SM2 CMS signature, whose certificate must chain to that root and be valid at the
 * timestamp. Prints the result (and for SM2 the signing node); exit code 0 valid, 1 not, 2 usage or unreadable.
 */
public final class WebhookVerify {

    private WebhookVerify() {
    }

    public static void main(String[] args) {
        if (args.length != 5 || !(args[3].equals("--secret") || args[3].equals("--root"))) {
            System.err.println("usage: WebhookVerify <timestamp> <body file> <signature> (--secret <secret> | --root "
                    + "<ca.pem>)");
            System.exit(2);
        }
        try {
            byte[] body = Files.readAllBytes(Path.of(args[1]));
            byte[] signed = (args[0] + ".").getBytes(StandardCharsets.UTF_8);
            byte[] content = new byte[signed.length + body.length];
            System.arraycopy(signed, 0, content, 0, signed.length);
            System.arraycopy(body, 0, content, signed.length, body.length);
            if (args[3].equals("--secret")) {
                byte[] expected = Sm3.hmac(args[4].getBytes(StandardCharsets.UTF_8), content);
                boolean valid = MessageDigest.isEqual(expected, HexFormat.of().parseHex(args[2].trim()));
                System.out.println(valid ? "VALID HMAC-SM3" : "INVALID HMAC-SM3");
                System.exit(valid ? 0 : 1);
            }
            CmsSignatures.Signer signer = CmsSignatures.verifyDetached(Base64.getDecoder().decode(args[2].trim()),
                    content, Pem.certificate(Files.readString(Path.of(args[4]))), null, Instant.parse(args[0]));
            System.out.println("VALID SM2 by " + signer.subject().kind() + " " + signer.subject().identifier() + " ("
                    + signer.subject().name() + ")");
            System.exit(0);
        } catch (CmsSignatures.Refused e) {
            System.out.println("INVALID SM2: " + e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            System.err.println("cannot check: " + e);
            System.exit(2);
        }
    }
}
