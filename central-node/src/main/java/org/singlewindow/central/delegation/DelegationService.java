package org.singlewindow.central.delegation;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.singlewindow.central.enterprise.Enterprise;
import org.singlewindow.central.enterprise.EnterpriseRegistry;
import org.singlewindow.central.requests.SignedRequests;
import org.singlewindow.contracts.codes.Uscc;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.node.audit.AuditLog;
import org.singlewindow.node.delegation.Delegation;
import org.singlewindow.node.delegation.DelegationRules;
import org.singlewindow.node.identity.Caller;
import org.singlewindow.node.refusal.Refusal;
import org.singlewindow.node.signature.DocumentSignatures;
import org.singlewindow.node.web.FieldChecks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Delegations at the issuing node. A registered enterprise's declarant delegates to a registered customs broker
 * with a request signed by the enterprise's registered key; the principal (or a central operator) revokes, which
 * takes effect for the next check; brokers ask whether a submission is covered.
 */
@Service
public class DelegationService {

    private final DelegationMapper delegations;
    private final EnterpriseRegistry enterprises;
    private final DocumentSignatures signatures;
    private final SignedRequests requests;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    public DelegationService(DelegationMapper delegations, EnterpriseRegistry enterprises,
                             DocumentSignatures signatures, AuditLog audit, TransactionTemplate tx, Clock clock,
                             SignedRequests requests) {
        this.requests = requests;
        this.delegations = delegations;
        this.enterprises = enterprises;
        this.signatures = signatures;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Creates a delegation from the caller's enterprise: body {@code principalUscc} (the caller's), {@code brokerUscc},
     * {@code documentTypes}, optional {@code validFrom} and {@code validUntil} (ISO-8601 instants), {@code nonce} and
     * {@code issuedAt} ({@link SignedRequests}: taken once), signed.
     */
    public Delegation create(Caller caller, JsonNode body, String signature) {
        if (!caller.has(Caller.DECLARANT) || caller.uscc() == null) {
            throw forbidden("NOT_A_DECLARANT", "only an enterprise's declarants may delegate", "只有企业申报人员可以委托");
        }
        Instant now = clock.instant();
        FieldChecks checks = new FieldChecks();
        String principal = checks.text(body, "principalUscc", 18);
        String broker = checks.text(body, "brokerUscc", 18);
        checks.expect(broker == null || Uscc.isValid(broker), "$.brokerUscc", "USCC_INVALID",
                "统一社会信用代码无效", "not a valid USCC");
        List<DocumentType> types = types(checks, body.get("documentTypes"));
        Instant from = instant(checks, body, "validFrom", now);
        Instant until = instant(checks, body, "validUntil", null);
        checks.expect(until == null || from == null || (until.isAfter(from) && until.isAfter(now)), "$.validUntil",
                "DATE_ORDER", "应晚于生效时间和当前时间", "must be after validFrom and in the future");
        requests.checkFreshness(checks, body);
        checks.done();
        if (!principal.equals(caller.uscc())) {
            throw forbidden("USCC_MISMATCH", "you may only delegate for enterprise " + caller.uscc(),
                    "您只能以企业 " + caller.uscc() + " 的名义委托");
        }
        Enterprise principalEnterprise = registered(principal, "$.principalUscc");
        Enterprise brokerEnterprise = registered(broker, "$.brokerUscc");
        if (!Enterprise.BROKER.equals(brokerEnterprise.kind())) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, "NOT_A_BROKER", "Not a customs broker",
                    "非报关企业", "enterprise " + broker + " is not registered as a customs broker",
                    "企业 " + broker + " 未登记为报关企业");
        }
        if (signature == null || signature.isBlank()) {
            throw new Refusal(Refusal.Kind.INVALID, "SIGNATURE_MISSING", "Signature refused", "签名未通过验证",
                    "a delegation must be signed with the enterprise's registered key (X-SW-Signature)",
                    "委托须以企业登记证书的私钥签名（X-SW-Signature）");
        }
        String kept = signatures.verify(body, signature, principal, principalEnterprise.certSha256());
        Delegation delegation = new Delegation(UUID.randomUUID().toString(), principal, broker,
                String.join(",", types.stream().map(Enum::name).toList()), from, until, kept, now, caller.clientId(),
                null, null);
        tx.executeWithoutResult(s -> {
            requests.takeOnce("DELEGATION", body);
            delegations.insert(delegation);
            audit.record(caller.clientId(), "DELEGATED", delegation.id(), principal + " -> " + broker + " "
                    + delegation.documentTypes() + " until " + until);
        });
        return delegation;
    }

    /** Revokes at once; repeating it changes nothing. */
    public Delegation revoke(Caller caller, String id) {
        Delegation delegation = readable(caller, id);
        if (!caller.has(Caller.CENTRAL_OPERATOR) && !delegation.principalUscc().equals(caller.uscc())) {
            throw forbidden("NOT_YOUR_DELEGATION", "only the delegating enterprise may revoke a delegation",
                    "只有委托企业可以撤销委托");
        }
        tx.executeWithoutResult(s -> {
            if (delegations.revoke(id, clock.instant(), caller.clientId()) == 1) {
                audit.record(caller.clientId(), "DELEGATION_REVOKED", id, delegation.principalUscc() + " -> "
                        + delegation.brokerUscc());
            }
        });
        return delegations.findById(id);
    }

    /** A delegation its principal, its broker or a central operator may read; 404 or 403 otherwise. */
    public Delegation readable(Caller caller, String id) {
        Delegation delegation = delegations.findById(id);
        if (delegation == null) {
            throw Refusal.notFound("delegation " + id);
        }
        if (!caller.has(Caller.CENTRAL_OPERATOR) && !delegation.principalUscc().equals(caller.uscc())
                && !delegation.brokerUscc().equals(caller.uscc())) {
            throw forbidden("NOT_YOUR_DELEGATION", "the delegation is between other enterprises",
                    "该委托与贵企业无关");
        }
        return delegation;
    }

    public List<Delegation> involving(Caller caller) {
        return caller.uscc() == null ? List.of() : delegations.involving(caller.uscc());
    }

    /**
     * Whether the calling broker may now declare {@code type} for {@code principal}: the covering delegation, or 403
     * naming the {@link DelegationRules.Reason}.
     */
    public Delegation check(Caller broker, String principal, DocumentType type) {
        if (!broker.has(Caller.BROKER) || broker.uscc() == null) {
            throw forbidden("NOT_A_BROKER", "only customs brokers declare for other enterprises",
                    "只有报关企业可以代理其他企业申报");
        }
        DelegationRules.Decision decision = DelegationRules.decide(delegations.between(principal, broker.uscc()),
                type, clock.instant());
        if (!decision.covered()) {
            DelegationRules.Reason r = decision.refusal();
            throw forbidden(r.name(), r.en() + " (" + principal + " → " + broker.uscc() + ", " + type + ")",
                    r.zh() + "（" + principal + " → " + broker.uscc() + "，" + type + "）");
        }
        return decision.delegation();
    }

    private Enterprise registered(String uscc, String path) {
        Enterprise enterprise = enterprises.find(uscc);
        if (enterprise == null) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, "ENTERPRISE_NOT_REGISTERED",
                    "Enterprise not registered", "企业未注册", "enterprise " + uscc + " (" + path + ") is not registered",
                    "企业 " + uscc + "（" + path + "）未注册");
        }
        return enterprise;
    }

    private static List<DocumentType> types(FieldChecks checks, JsonNode node) {
        Set<DocumentType> types = new LinkedHashSet<>();
        boolean ok = node != null && node.isArray() && !node.isEmpty();
        if (ok) {
            for (JsonNode t : node) {
                try {
                    types.add(DocumentType.valueOf(t.asString("")));
                } catch (IllegalArgumentException e) {
                    ok = false;
                }
            }
        }
        checks.expect(ok, "$.documentTypes", "CODE_UNKNOWN", "应为单证类型列表，如 [\"GOODS_DECLARATION\"]",
                "a list of document types, e.g. [\"GOODS_DECLARATION\"]");
        return new ArrayList<>(types);
    }

    private static Instant instant(FieldChecks checks, JsonNode body, String field, Instant fallback) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            checks.expect(fallback != null, "$." + field, "REQUIRED", "必填（ISO-8601 时间）",
                    "required (ISO-8601 instant)");
            return fallback;
        }
        try {
            return Instant.parse(value.asString(""));
        } catch (DateTimeParseException e) {
            checks.expect(false, "$." + field, "FORMAT_INVALID", "应为 ISO-8601 时间，如 2026-11-27T08:00:00Z",
                    "an ISO-8601 instant, e.g. 2026-11-27T08:00:00Z");
            return null;
        }
    }

    private static Refusal forbidden(String code, String en, String zh) {
        return new Refusal(Refusal.Kind.FORBIDDEN, code, "Forbidden", "无权操作", en, zh);
    }
}
