package org.singlewindow.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.singlewindow.contracts.document.AgencyCode;
import org.singlewindow.contracts.eport.DecMessageMapper;
import org.singlewindow.contracts.json.CanonicalJson;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.security.CmsSignatures;
import org.singlewindow.security.DevPki;
import org.singlewindow.security.Pem;
import org.singlewindow.security.Sm2Pki;
import org.singlewindow.security.XmlDsig;
import tools.jackson.databind.JsonNode;

/**
 * The federation PKI tool ({@code deploy/pki.sh}):
 * <ul>
 *   <li>{@code init <dir> [seed]}: the local federation's root CA, CRL and certificates for its nodes, agencies
 *   and demo enterprises. Keys are derived from the seed, so the same seed gives the same keys (DEV ONLY: never
 *   use derived keys in production; there, create keys with {@code issue} on the CA's host or an HSM). Run again
 *   on an existing directory, it makes what is missing and renews (same key, same serial, a line on standard
 *   output) each certificate that has expired or expires within {@value #RENEW_BEFORE_DAYS} days, so that the
 *   local federation starts on any date;</li>
 *   <li>{@code ca <dir> [name] [years]}: a production root CA with a random key (never over an existing one) and an
 *   empty CRL;</li>
 *   <li>{@code import-ca <dir> <ca.pem> <ca-key.pem>}: an existing CA (its certificate and key, checked to belong
 *   together and to be a CA, and not to be the DEV one) taken into {@code dir}, so that {@code issue}, {@code revoke}
 *   and {@code crl} work with it;</li>
 *   <li>{@code issue <dir> <NODE|AGENCY|ENTERPRISE> <identifier> <name>}: a new random key and its certificate;</li>
 *   <li>{@code revoke <dir> <certificate.pem>}: adds the certificate to the CRL every node re-reads;</li>
 *   <li>{@code crl <dir>}: publishes the CRL again with a new next update (nodes refuse an expired CRL);</li>
 *   <li>{@code sign <key.pem> <certificate.pem> <document>}: prints the Base64 detached signature of the
 *   document's canonical form (JSON, or DecMessage XML as the JSON it maps to), for the {@code X-SW-Signature}
 *   header;</li>
 *   <li>{@code sign-xml <key.pem> <certificate.pem> <DecMessage.xml>}: prints the XML with an enveloped
 *   XML-DSig (E-Port's SM2/SM3 algorithm URIs), signed E-Port style.</li>
 * </ul>
 */
public final class Pki {

    /** The seed of the local federation's dev keys. */
    public static final String DEV_SEED = DevPki.SEED;
    /** How long the local federation's certificates are valid from the day {@code init} makes or renews them. */
    static final int LOCAL_VALIDITY_DAYS = 3650;
    /** A local certificate is renewed by {@code init} when it expires within this many days. */
    static final int RENEW_BEFORE_DAYS = 30;

    /** The local federation's subjects: nodes, agencies and the demo declarants. */
    static final Map<String, Sm2Pki.Subject> LOCAL = subjects();

    private Pki() {
    }

    private static Map<String, Sm2Pki.Subject> subjects() {
        Map<String, Sm2Pki.Subject> subjects = new LinkedHashMap<>();
        subjects.put("nodes/central", new Sm2Pki.Subject(Sm2Pki.Kind.NODE, "central", "中国电子口岸 central node"));
        subjects.put("nodes/310000", new Sm2Pki.Subject(Sm2Pki.Kind.NODE, "310000", "中国（上海）国际贸易单一窗口"));
        subjects.put("nodes/440000", new Sm2Pki.Subject(Sm2Pki.Kind.NODE, "440000", "中国（广东）国际贸易单一窗口"));
        for (AgencyCode code : AgencyCode.values()) {
            String agency = code.name();
            subjects.put("agencies/" + agency, new Sm2Pki.Subject(Sm2Pki.Kind.AGENCY, agency, agency + " system"));
        }
        subjects.put("enterprises/91310115MA1H7G0X0M", new Sm2Pki.Subject(Sm2Pki.Kind.ENTERPRISE, "91310115MA1H7G0X0M",
                "上海某某进出口有限公司"));
        subjects.put("enterprises/91310000132200821H", new Sm2Pki.Subject(Sm2Pki.Kind.ENTERPRISE, "91310000132200821H",
                "上海另一进出口有限公司"));
        subjects.put("enterprises/91440300MA5F2B3K1X", new Sm2Pki.Subject(Sm2Pki.Kind.ENTERPRISE, "91440300MA5F2B3K1X",
                "深圳某某贸易有限公司"));
        subjects.put("enterprises/91310115MA1K3BRK0B", new Sm2Pki.Subject(Sm2Pki.Kind.ENTERPRISE, "91310115MA1K3BRK0B",
                "上海某某报关有限公司"));
        return subjects;
    }

    public static void main(String[] args) {
        Instant now = Clock.systemUTC().instant(); // the tool's one reading of the time, passed to all it does
        try {
            switch (args.length == 0 ? "" : args[0]) {
                case "init" -> init(Path.of(args[1]), args.length > 2 ? args[2] : DEV_SEED, now);
                case "ca" -> ca(Path.of(args[1]), args.length > 2 ? args[2] : "Single Window Federation Root CA",
                        now, args.length > 3 ? Integer.parseInt(args[3]) : 10);
                case "import-ca" -> importCa(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), now);
                case "issue" -> issue(Path.of(args[1]), Sm2Pki.Kind.valueOf(args[2]), args[3], args[4], now);
                case "revoke" -> revoke(Path.of(args[1]), Pem.certificate(Files.readString(Path.of(args[2]))), now);
                case "crl" -> renewCrl(Path.of(args[1]), now);
                case "as4" -> System.out.println(As4Keys.create(Path.of(args[1]), args[2], args[3], now));
                case "sign" -> System.out.println(sign(Pem.privateKey(Files.readString(Path.of(args[1]))),
                        Pem.certificate(Files.readString(Path.of(args[2]))), Files.readString(Path.of(args[3])), now));
                case "sign-xml" -> {
                    System.out.writeBytes(XmlDsig.sign(Files.readAllBytes(Path.of(args[3])),
                            Pem.privateKey(Files.readString(Path.of(args[1]))),
                            Pem.certificate(Files.readString(Path.of(args[2])))));
                    System.out.flush();
                }
                default -> {
                    System.err.println("usage: pki init <dir> [seed] | ca <dir> [name] [years] "
                            + "| import-ca <dir> <ca.pem> <ca-key.pem> | issue <dir> <NODE|AGENCY|ENTERPRISE> <id> <name> "
                            + "| revoke <dir> <certificate.pem> | crl <dir> | sign <key.pem> <certificate.pem> <document.json> "
                            + "| sign-xml <key.pem> <certificate.pem> <DecMessage.xml>");
                    System.exit(2);
                }
            }
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            System.err.println("pki: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * Creates the local federation's PKI under {@code dir}, or brings an existing one up to date: a missing file is
     * made (identically keyed), a certificate that has expired or expires within {@value #RENEW_BEFORE_DAYS} days is
     * renewed with its key and serial (the root too: certificates it issued still verify, its key is the same), and
     * each renewal is said on standard output. The CRL is made when missing; {@code crl} re-publishes it.
     */
    public static void init(Path dir, String seed, Instant now) {
        KeyPair ca = Sm2Pki.derivedKeyPair(seed, "ca");
        X509Certificate root = current(dir.resolve("ca.pem"), now);
        if (root == null) {
            root = Sm2Pki.rootCertificate(ca, "Single Window Federation Root CA (DEV)", now.minus(1, ChronoUnit.DAYS),
                    now.plus(LOCAL_VALIDITY_DAYS, ChronoUnit.DAYS));
            write(dir.resolve("ca.pem"), Pem.write(root));
        }
        write(dir.resolve("ca-key.pem"), Pem.write(ca.getPrivate()));
        int serial = 1000;
        for (Map.Entry<String, Sm2Pki.Subject> e : LOCAL.entrySet()) {
            ++serial;
            Path file = dir.resolve(e.getKey() + ".pem");
            KeyPair keys = Sm2Pki.derivedKeyPair(seed, e.getKey());
            if (current(file, now) == null) {
                X509Certificate certificate = Sm2Pki.issue(root, ca.getPrivate(), e.getValue(), keys.getPublic(),
                        BigInteger.valueOf(serial), now.minus(1, ChronoUnit.DAYS),
                        now.plus(LOCAL_VALIDITY_DAYS, ChronoUnit.DAYS));
                write(file, Pem.write(certificate));
            }
            write(dir.resolve(e.getKey() + "-key.pem"), Pem.write(keys.getPrivate()));
        }
        if (!Files.exists(dir.resolve("crl.pem"))) {
            writeCrl(dir, List.of(), now);
        }
    }

    /**
     * The certificate in {@code file} if it is valid for {@value #RENEW_BEFORE_DAYS} more days; null when it is
     * missing or must be renewed (said on standard output).
     */
    private static X509Certificate current(Path file, Instant now) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            X509Certificate certificate = Pem.certificate(Files.readString(file));
            Instant notAfter = certificate.getNotAfter().toInstant();
            if (notAfter.isAfter(now.plus(RENEW_BEFORE_DAYS, ChronoUnit.DAYS))) {
                return certificate;
            }
            System.out.println("renewing " + file + ": it " + (notAfter.isAfter(now) ? "expires" : "expired")
                    + " at " + notAfter + " (now " + now + "); same key, valid " + LOCAL_VALIDITY_DAYS + " days");
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A production root CA with a random key, valid {@code years}, and its empty CRL; refuses to replace a CA. */
    public static void ca(Path dir, String name, Instant now, int years) throws IOException {
        if (Files.exists(dir.resolve("ca.pem")) || Files.exists(dir.resolve("ca-key.pem"))) {
            throw new IOException(dir.resolve("ca.pem") + " exists: a CA is never replaced by accident");
        }
        KeyPair ca = Sm2Pki.newKeyPair();
        X509Certificate root = Sm2Pki.rootCertificate(ca, name, now.minus(1, ChronoUnit.HOURS),
                now.plus(365L * years, ChronoUnit.DAYS));
        write(dir.resolve("ca.pem"), Pem.write(root));
        write(dir.resolve("ca-key.pem"), Pem.write(ca.getPrivate()));
        writeCrl(dir, List.of(), now);
        System.out.println("root CA " + dir.resolve("ca.pem") + " (key " + dir.resolve("ca-key.pem")
                + ", readable by its owner only) and an empty CRL " + dir.resolve("crl.pem"));
    }

    /** Takes an existing CA into {@code dir}: its certificate and key must belong together, be a CA and not be DEV. */
    public static void importCa(Path dir, Path certificateFile, Path keyFile, Instant now) throws IOException {
        X509Certificate root = Pem.certificate(Files.readString(certificateFile));
        PrivateKey key = Pem.privateKey(Files.readString(keyFile));
        if (root.getBasicConstraints() < 0) {
            throw new IOException(certificateFile + " is not a CA certificate");
        }
        byte[] probe = "single-window import-ca".getBytes(StandardCharsets.UTF_8);
        try {
            CmsSignatures.verifyDetached(CmsSignatures.signDetached(probe, key, root, now), probe, root, null, now);
        } catch (CmsSignatures.Refused e) {
            throw new IOException(keyFile + " is not the key of " + certificateFile + " (" + e.getMessage() + ")");
        }
        if (DevPki.isDevKey(root.getPublicKey())) {
            throw new IOException(certificateFile + " is the local federation's DEV CA, derived from a public seed");
        }
        write(dir.resolve("ca.pem"), Pem.write(root));
        write(dir.resolve("ca-key.pem"), Pem.write(key));
        if (!Files.exists(dir.resolve("crl.pem"))) {
            writeCrl(dir, List.of(), now);
        }
        System.out.println("CA " + Sm2Pki.Subject.of(root) + " taken into " + dir);
    }

    static void issue(Path dir, Sm2Pki.Kind kind, String identifier, String name, Instant now) throws IOException {
        X509Certificate root = Pem.certificate(Files.readString(dir.resolve("ca.pem")));
        PrivateKey caKey = Pem.privateKey(Files.readString(dir.resolve("ca-key.pem")));
        KeyPair keys = Sm2Pki.newKeyPair();
        BigInteger serial = new BigInteger(63, new java.security.SecureRandom());
        X509Certificate certificate = Sm2Pki.issue(root, caKey, new Sm2Pki.Subject(kind, identifier, name),
                keys.getPublic(), serial, now.minus(1, ChronoUnit.HOURS), now.plus(730, ChronoUnit.DAYS));
        String base = switch (kind) {
            case NODE -> "nodes/";
            case AGENCY -> "agencies/";
            case ENTERPRISE -> "enterprises/";
            case CA -> throw new IllegalArgumentException("the CA is made by init");
        } + identifier;
        write(dir.resolve(base + ".pem"), Pem.write(certificate));
        write(dir.resolve(base + "-key.pem"), Pem.write(keys.getPrivate()));
        System.out.println("issued " + dir.resolve(base + ".pem") + " serial " + serial);
    }

    /**
     * Adds a certificate to the CRL, revoked {@code now}; the CRL is re-signed with next update in 7 days and every
     * earlier entry keeps its own revocation date (a signature accepted before a revocation stays accepted).
     */
    public static void revoke(Path dir, X509Certificate certificate, Instant now) throws IOException {
        List<Sm2Pki.Revocation> revoked = revocations(dir);
        revoked.add(new Sm2Pki.Revocation(certificate.getSerialNumber(), now));
        writeCrl(dir, revoked, now);
    }

    /** Re-issues the CRL as it is (same revocations), next update in 7 days: what a CA publishes on schedule. */
    public static void renewCrl(Path dir, Instant now) throws IOException {
        writeCrl(dir, revocations(dir), now);
    }

    private static List<Sm2Pki.Revocation> revocations(Path dir) throws IOException {
        X509CRL current = Pem.crl(Files.readString(dir.resolve("crl.pem")));
        List<Sm2Pki.Revocation> revoked = new ArrayList<>();
        if (current.getRevokedCertificates() != null) {
            for (X509CRLEntry entry : current.getRevokedCertificates()) {
                revoked.add(new Sm2Pki.Revocation(entry.getSerialNumber(), entry.getRevocationDate().toInstant()));
            }
        }
        return revoked;
    }

    private static void writeCrl(Path dir, List<Sm2Pki.Revocation> revoked, Instant now) {
        try {
            X509Certificate root = Pem.certificate(Files.readString(dir.resolve("ca.pem")));
            PrivateKey caKey = Pem.privateKey(Files.readString(dir.resolve("ca-key.pem")));
            X509CRL crl = Sm2Pki.crl(root, caKey, revoked, now, now.plus(7, ChronoUnit.DAYS));
            Path tmp = dir.resolve("crl.pem.tmp");
            write(tmp, Pem.write(crl));
            Files.move(tmp, dir.resolve("crl.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The Base64 detached signature of a document's canonical form. A JSON document is signed as it is; an E-Port
     * {@code DecMessage}/{@code DxpMsg} XML document is signed as the JSON it maps to, which is what the node checks.
     */
    public static String sign(PrivateKey key, X509Certificate certificate, String document, Instant now) {
        JsonNode tree = document.stripLeading().startsWith("<")
                ? new DecMessageMapper().read(document.getBytes(StandardCharsets.UTF_8)) : Json.MAPPER.readTree(document);
        byte[] canonical = CanonicalJson.canonicalize(tree).getBytes(StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(CmsSignatures.signDetached(canonical, key, certificate, now));
    }

    /** Writes a file; a private key is readable by its owner only. */
    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            if (file.getFileName().toString().endsWith("-key.pem")) {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
