package org.singlewindow.node.delegation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.singlewindow.contracts.document.DocumentType;

/**
 * Decides whether a broker may declare a document type for a principal at an instant, from the delegations
 * between the two. Pure: no clock, no database.
 *
 * <p>A delegation covers a submission when it is not revoked, {@code validFrom <= now < validUntil}, and lists the
 * document type. When several cover it, the one that stays in force longest is used. When none does, the refusal
 * names the closest miss, checked in this order: no delegation at all ({@code DELEGATION_MISSING}); none for
 * this document type ({@code DOCUMENT_TYPE_NOT_DELEGATED}); every one for the type revoked
 * ({@code DELEGATION_REVOKED}); one not yet in force ({@code DELEGATION_NOT_YET_VALID}); else
 * {@code DELEGATION_EXPIRED}.
 */
public final class DelegationRules {

    /** Why a submission is not covered. */
    public enum Reason {
        DELEGATION_MISSING("no delegation from this enterprise to your broker enterprise",
                "该企业未委托贵报关企业"),
        DOCUMENT_TYPE_NOT_DELEGATED("the delegation does not cover this document type", "委托不包含此单证类型"),
        DELEGATION_REVOKED("the delegation was revoked", "委托已撤销"),
        DELEGATION_NOT_YET_VALID("the delegation is not in force yet", "委托尚未生效"),
        DELEGATION_EXPIRED("the delegation has expired", "委托已过期");

        private final String en;
        private final String zh;

        Reason(String en, String zh) {
            this.en = en;
            this.zh = zh;
        }

        public String en() {
            return en;
        }

        public String zh() {
            return zh;
        }
    }

    /** Either the covering delegation or the refusal. */
    public record Decision(Delegation delegation, Reason refusal) {

        public boolean covered() {
            return delegation != null;
        }
    }

    private DelegationRules() {
    }

    public static Decision decide(List<Delegation> between, DocumentType type, Instant now) {
        if (between.isEmpty()) {
            return new Decision(null, Reason.DELEGATION_MISSING);
        }
        List<Delegation> forType = between.stream().filter(d -> d.types().contains(type)).toList();
        if (forType.isEmpty()) {
            return new Decision(null, Reason.DOCUMENT_TYPE_NOT_DELEGATED);
        }
        Optional<Delegation> covering = forType.stream()
                .filter(d -> d.revokedAt() == null && !now.isBefore(d.validFrom()) && now.isBefore(d.validUntil()))
                .max(Comparator.comparing(Delegation::validUntil));
        if (covering.isPresent()) {
            return new Decision(covering.get(), null);
        }
        List<Delegation> live = forType.stream().filter(d -> d.revokedAt() == null).toList();
        if (live.isEmpty()) {
            return new Decision(null, Reason.DELEGATION_REVOKED);
        }
        if (live.stream().anyMatch(d -> now.isBefore(d.validFrom()))) {
            return new Decision(null, Reason.DELEGATION_NOT_YET_VALID);
        }
        return new Decision(null, Reason.DELEGATION_EXPIRED);
    }
}
