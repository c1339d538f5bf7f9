package org.singlewindow.central.enterprise;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.singlewindow.central.CentralProperties;
import org.singlewindow.central.requests.SignedRequests;
import org.singlewindow.contracts.codes.Uscc;
import org.singlewindow.contracts.document.AgencyCode;
import org.singlewindow.node.audit.AuditLog;
import org.singlewindow.node.identity.Caller;
import org.singlewindow.node.refusal.Refusal;
import org.singlewindow.node.signature.DocumentSignatures;
import org.singlewindow.node.web.FieldChecks;
import org.singlewindow.security.CmsSignatures;
import org.singlewindow.security.Pem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Registers enterprises and users at the issuing node. An enterprise registers once, with a request signed by the
 * key of its federation certificate (the certificate's SERIALNUMBER must be its USCC): that certificate is bound
 * to the enterprise, and its first users are created (a trader's users are DECLARANTs; a broker's are DECLARANT
 * and BROKER). Central operators create agency officers and operators. Passwords are stored bcrypt-encoded.
 */
@Service
public class EnterpriseRegistry {

    static final String USERNAME = "[a-z0-9][a-z0-9._-]{2,63}";
    static final int MIN_PASSWORD = 12;
    private static final Set<String> OPERATOR_MADE = Set.of(Caller.AGENCY_OFFICER, Caller.NODE_OPERATOR,
            Caller.CENTRAL_OPERATOR);

    private final EnterpriseMapper mapper;
    private final DocumentSignatures signatures;
    private final SignedRequests requests;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CentralProperties central;
    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    public EnterpriseRegistry(EnterpriseMapper mapper, DocumentSignatures signatures, AuditLog audit,
                              TransactionTemplate tx, Clock clock, CentralProperties central,
                              SignedRequests requests) {
        this.requests = requests;
        this.central = central;
        this.mapper = mapper;
        this.signatures = signatures;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** Registers an enterprise from its signed request; 400 for bad fields or signature, 409 when known. */
    public Enterprise register(JsonNode body, String signature) {
        FieldChecks checks = new FieldChecks();
        String uscc = checks.text(body, "uscc", 18);
        String name = checks.text(body, "name", 200);
        String kind = checks.text(body, "kind", 10);
        checks.expect(uscc == null || Uscc.isValid(uscc), "$.uscc", "USCC_INVALID",
                "统一社会信用代码无效（GB 32100-2015 校验位）", "not a valid USCC (GB 32100-2015 check character)");
        checks.expect(kind == null || kind.equals(Enterprise.TRADER) || kind.equals(Enterprise.BROKER), "$.kind",
                "CODE_UNKNOWN", "应为 TRADER 或 BROKER", "must be TRADER or BROKER");
        JsonNode users = body.get("users");
        checks.expect(users != null && users.isArray() && !users.isEmpty() && users.size() <= 20, "$.users",
                "REQUIRED", "应有 1 至 20 个用户", "1 to 20 users");
        List<String[]> accounts = new ArrayList<>();
        if (users != null && users.isArray()) {
            for (int i = 0; i < users.size(); i++) {
                accounts.add(account(checks, users.get(i), "$.users[" + i + "]"));
            }
        }
        checks.done();
        if (signature == null || signature.isBlank()) {
            throw new Refusal(Refusal.Kind.INVALID, "SIGNATURE_MISSING", "Signature refused", "签名未通过验证",
                    "registration must be signed with the key of the enterprise's certificate (X-SW-Signature)",
                    "注册请求须以企业证书对应的私钥签名（X-SW-Signature）");
        }
        CmsSignatures.Signer signer = signatures.signer(body, signature, uscc);
        X509Certificate certificate = signer.certificate();
        Instant now = clock.instant();
        Enterprise enterprise = new Enterprise(uscc, name, kind, Pem.write(certificate),
                DocumentSignatures.sha256(certificate), now);
        if (mapper.find(uscc) != null) {
            throw registered(uscc);
        }
        String roles = Enterprise.BROKER.equals(kind) ? Caller.DECLARANT + "," + Caller.BROKER : Caller.DECLARANT;
        try {
            tx.executeWithoutResult(s -> {
                mapper.insert(enterprise);
                audit.record("enterprise:" + uscc, "ENTERPRISE_REGISTERED", uscc, kind + " cert "
                        + enterprise.certSha256());
                for (String[] a : accounts) {
                    insertUser(new UserAccount(a[0], passwords.encode(a[1]), roles, uscc, null, null, true, now,
                            "enterprise:" + uscc));
                }
            });
        } catch (DuplicateKeyException race) {
            throw mapper.find(uscc) != null ? registered(uscc) : taken(accounts.get(0)[0]);
        }
        return enterprise;
    }

    private static Refusal registered(String uscc) {
        return new Refusal(Refusal.Kind.CONFLICT, "ENTERPRISE_REGISTERED", "Already registered", "企业已注册",
                "enterprise " + uscc + " is already registered; registration is once, nationwide",
                "企业 " + uscc + " 已注册（一次注册、全国通用）");
    }

    private static Refusal taken(String username) {
        return new Refusal(Refusal.Kind.CONFLICT, "USERNAME_TAKEN", "Username taken", "用户名已被使用",
                "username '" + username + "' is taken", "用户名 " + username + " 已被使用");
    }

    /**
     * A central operator adds an agency officer or an operator; an operator may be granted
     * {@code "grants": ["DOCUMENT_READER"]} to read documents as well as metadata.
     */
    /**
     * Disables (or enables again) a portal user, central operators only, audited: a disabled user cannot log in, and
     * provincial portals drop the user's sessions at their next check with central (userinfo).
     *
     * @throws Refusal 404 for an unknown user
     */
    public void setEnabled(Caller operator, String username, boolean enabled) {
        tx.executeWithoutResult(s -> {
            if (mapper.setUserEnabled(username, enabled) == 0) {
                throw Refusal.notFound("user " + username);
            }
            audit.record(operator.clientId(), enabled ? "USER_ENABLED" : "USER_DISABLED", username, null);
        });
    }

    public UserAccount createUser(Caller operator, JsonNode body) {
        FieldChecks checks = new FieldChecks();
        String[] account = account(checks, body, "$");
        String role = checks.text(body, "role", 20);
        checks.expect(role == null || OPERATOR_MADE.contains(role), "$.role", "CODE_UNKNOWN",
                "应为 " + OPERATOR_MADE + " 之一", "must be one of " + OPERATOR_MADE);
        String agency = body.path("agency").asString(null);
        String province = body.path("province").asString(null);
        checks.expect(!Caller.AGENCY_OFFICER.equals(role)
                        || (agency != null && Arrays.stream(AgencyCode.values()).anyMatch(a -> a.name().equals(agency))),
                "$.agency", "REQUIRED", "机构人员须指明所属机构", "an AGENCY_OFFICER needs the agency code");
        checks.expect(!Caller.NODE_OPERATOR.equals(role) || (province != null && province.matches("\\d{6}")),
                "$.province", "REQUIRED", "节点运维人员须指明省级节点代码（6 位）",
                "a NODE_OPERATOR needs the 6-digit province code");
        JsonNode grants = body.get("grants");
        boolean reader = grants != null && grants.isArray() && grants.size() == 1
                && Caller.DOCUMENT_READER.equals(grants.get(0).asString(""));
        checks.expect(grants == null || (reader && !Caller.AGENCY_OFFICER.equals(role)), "$.grants", "CODE_UNKNOWN",
                "运维人员可获授 [\"DOCUMENT_READER\"]（查阅单证，逐次审计）",
                "operators may be granted [\"DOCUMENT_READER\"] (read documents, each read audited)");
        checks.done();
        UserAccount user = new UserAccount(account[0], passwords.encode(account[1]),
                reader ? role + "," + Caller.DOCUMENT_READER : role,
                null, Caller.AGENCY_OFFICER.equals(role) ? agency : null,
                Caller.NODE_OPERATOR.equals(role) ? province : null, true, clock.instant(), operator.clientId());
        try {
            tx.executeWithoutResult(s -> insertUser(user));
        } catch (DuplicateKeyException race) {
            throw taken(user.username());
        }
        return user;
    }

    /**
     * Binds a renewed certificate: the request {@code {"uscc", "nonce", "issuedAt"}} (taken once, see
     * {@link SignedRequests}) is signed with the new certificate's key (which the
     * federation CA issued to that USCC), by one of the enterprise's declarants or a central operator. Tokens
     * issued before name the old certificate until they expire.
     */
    public Enterprise rebind(Caller caller, String uscc, JsonNode body, String signature) {
        if (!caller.has(Caller.CENTRAL_OPERATOR) && !(caller.has(Caller.DECLARANT) && uscc.equals(caller.uscc()))) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "NOT_YOUR_ENTERPRISE", "Not your enterprise", "非本企业",
                    "only the enterprise's declarants and central operators may bind its certificate",
                    "仅本企业申报人员和中央运维人员可更换其证书");
        }
        FieldChecks checks = new FieldChecks().expect(uscc.equals(body.path("uscc").asString("")), "$.uscc",
                "USCC_MISMATCH", "应为路径中的统一社会信用代码", "must be the USCC in the path");
        requests.checkFreshness(checks, body);
        checks.done();
        if (mapper.find(uscc) == null) {
            throw Refusal.notFound("enterprise " + uscc);
        }
        if (signature == null || signature.isBlank()) {
            throw new Refusal(Refusal.Kind.INVALID, "SIGNATURE_MISSING", "Signature refused", "签名未通过验证",
                    "sign the request with the key of the new certificate (X-SW-Signature)",
                    "请以新证书对应的私钥签名（X-SW-Signature）");
        }
        X509Certificate certificate = signatures.signer(body, signature, uscc).certificate();
        String sha = DocumentSignatures.sha256(certificate);
        tx.executeWithoutResult(s -> {
            requests.takeOnce("CERTIFICATE_BINDING", body);
            mapper.updateCertificate(uscc, Pem.write(certificate), sha);
            audit.record(caller.clientId(), "CERTIFICATE_BOUND", uscc, "cert " + sha);
        });
        return mapper.find(uscc);
    }

    public Enterprise find(String uscc) {
        return uscc == null ? null : mapper.find(uscc);
    }

    public List<UserAccount> users(String uscc) {
        return mapper.users(uscc);
    }

    private void insertUser(UserAccount user) {
        if (mapper.findUser(user.username()) != null || reserved(user.username())) {
            throw taken(user.username());
        }
        mapper.insertUser(user);
        audit.record(user.createdBy(), "USER_CREATED", user.username(), user.roles());
    }

    /** Names of API clients and portals: a user may not share one (it would share the token subject). */
    private boolean reserved(String username) {
        return central.identity().clients().stream().anyMatch(c -> c.clientId().equals(username))
                || central.identity().portals().keySet().stream().anyMatch(p -> ("portal-" + p).equals(username));
    }

    private static String[] account(FieldChecks checks, JsonNode node, String path) {
        String username = node == null ? null : node.path("username").asString(null);
        String password = node == null ? null : node.path("password").asString(null);
        checks.expect(username != null && username.matches(USERNAME), path + ".username", "FORMAT_INVALID",
                "用户名为 3–64 位小写字母、数字或 . _ -", "3–64 lower-case letters, digits, '.', '_' or '-'");
        checks.expect(password != null && password.length() >= MIN_PASSWORD && password.length() <= 128,
                path + ".password", "PASSWORD_WEAK", "密码至少 " + MIN_PASSWORD + " 个字符",
                "at least " + MIN_PASSWORD + " characters");
        return new String[] {username, password};
    }
}
