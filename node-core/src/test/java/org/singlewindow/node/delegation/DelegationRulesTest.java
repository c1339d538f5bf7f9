package org.singlewindow.node.delegation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.singlewindow.contracts.document.DocumentType.GOODS_DECLARATION;
import static org.singlewindow.contracts.document.DocumentType.MANIFEST;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class DelegationRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");

    @Test
    void when_no_delegation_exists_should_refuse_as_missing() {
        assertThat(DelegationRules.decide(List.of(), GOODS_DECLARATION, NOW).refusal())
                .isEqualTo(DelegationRules.Reason.DELEGATION_MISSING);
    }

    @Test
    void a_delegation_in_force_for_the_type_should_cover_and_the_longest_lasting_should_be_used() {
        Delegation shortOne = delegation("a", "GOODS_DECLARATION", -10, 10, false);
        Delegation longOne = delegation("b", "MANIFEST,GOODS_DECLARATION", -10, 100, false);
        DelegationRules.Decision decision = DelegationRules.decide(List.of(shortOne, longOne), GOODS_DECLARATION, NOW);
        assertThat(decision.covered()).isTrue();
        assertThat(decision.delegation().id()).isEqualTo("b");
    }

    @Test
    void the_refusal_should_name_the_closest_miss() {
        assertThat(refusal(GOODS_DECLARATION, delegation("a", "MANIFEST", -10, 10, false)))
                .isEqualTo(DelegationRules.Reason.DOCUMENT_TYPE_NOT_DELEGATED);
        assertThat(refusal(GOODS_DECLARATION, delegation("a", "GOODS_DECLARATION", -10, 10, true)))
                .isEqualTo(DelegationRules.Reason.DELEGATION_REVOKED);
        assertThat(refusal(GOODS_DECLARATION, delegation("a", "GOODS_DECLARATION", 5, 10, false)))
                .isEqualTo(DelegationRules.Reason.DELEGATION_NOT_YET_VALID);
        assertThat(refusal(GOODS_DECLARATION, delegation("a", "GOODS_DECLARATION", -10, -5, false),
                delegation("b", "GOODS_DECLARATION", -10, 10, true)))
                .isEqualTo(DelegationRules.Reason.DELEGATION_EXPIRED);
        assertThat(refusal(MANIFEST, delegation("a", "MANIFEST", -10, 0, false)))
                .as("valid until is exclusive").isEqualTo(DelegationRules.Reason.DELEGATION_EXPIRED);
    }

    @Test
    void a_revoked_delegation_should_not_hide_another_in_force() {
        assertThat(DelegationRules.decide(List.of(delegation("a", "GOODS_DECLARATION", -10, 10, true),
                delegation("b", "GOODS_DECLARATION", -1, 1, false)), GOODS_DECLARATION, NOW).delegation().id())
                .isEqualTo("b");
    }

    private static DelegationRules.Reason refusal(org.singlewindow.contracts.document.DocumentType type,
                                                   Delegation... between) {
        DelegationRules.Decision decision = DelegationRules.decide(List.of(between), type, NOW);
        assertThat(decision.covered()).isFalse();
        return decision.refusal();
    }

    private static Delegation delegation(String id, String types, int fromMinutes, int untilMinutes, boolean revoked) {
        return new Delegation(id, "P", "B", types, NOW.plusSeconds(60L * fromMinutes),
                NOW.plusSeconds(60L * untilMinutes), "sig", NOW.minusSeconds(3600), "p-user",
                revoked ? NOW.minusSeconds(1) : null, revoked ? "p-user" : null);
    }
}
