package org.singlewindow.contracts.change;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.document.OverallStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.singlewindow.contracts.change.Decision.APPROVED;
import static org.singlewindow.contracts.change.Decision.PENDING;
import static org.singlewindow.contracts.change.Decision.REFUSED;

class ChangeRulesTest {

    private final ChangeRules.Rule goods = ChangeRules.standard().of(DocumentType.GOODS_DECLARATION);
    private final ChangeRules.Rule licence = ChangeRules.standard().of(DocumentType.LICENCE_APPLICATION);

    private static Map<String, Decision> answers(Object... pairs) {
        Map<String, Decision> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Decision) pairs[i + 1]);
        }
        return map;
    }

    @Test
    void customs_alone_decides_a_goods_declaration_change() {
        assertThat(goods.decide(answers("GACC", APPROVED, "MOFCOM", REFUSED))).isEqualTo(APPROVED);
        assertThat(goods.decide(answers("GACC", REFUSED, "MOFCOM", APPROVED))).isEqualTo(REFUSED);
        assertThat(goods.decide(answers("GACC", PENDING, "MOFCOM", APPROVED))).isEqualTo(PENDING);
    }

    @Test
    void without_a_deciding_agency_every_involved_agency_must_approve() {
        assertThat(licence.decide(answers("MOFCOM", APPROVED, "GACC", PENDING))).isEqualTo(PENDING);
        assertThat(licence.decide(answers("MOFCOM", APPROVED, "GACC", APPROVED))).isEqualTo(APPROVED);
        assertThat(licence.decide(answers("MOFCOM", PENDING, "GACC", REFUSED))).isEqualTo(REFUSED);
        assertThat(goods.decide(answers("MOFCOM", APPROVED, "STA", REFUSED)))
                .as("customs not involved: everyone must agree").isEqualTo(REFUSED);
    }

    @Test
    void nobody_to_ask_means_approved() {
        assertThat(licence.decide(Map.of())).isEqualTo(APPROVED);
    }

    @Test
    void rejected_and_cancelled_documents_are_closed_to_every_change() {
        for (DocumentType type : DocumentType.values()) {
            ChangeRules.Rule rule = ChangeRules.standard().of(type);
            for (ChangeKind kind : ChangeKind.values()) {
                assertThat(rule.closed(kind, OverallStatus.REJECTED)).isTrue();
                assertThat(rule.closed(kind, OverallStatus.CANCELLED)).isTrue();
                assertThat(rule.closed(kind, OverallStatus.PROCESSING)).isFalse();
            }
            assertThat(rule.closed(ChangeKind.CANCELLATION, OverallStatus.COMPLETED))
                    .as("a completed document has its one final outcome").isTrue();
            assertThat(rule.fixedFields()).contains("documentType", "declarant.uscc");
        }
    }

    @Test
    void a_released_goods_declaration_may_still_be_amended_but_other_completed_documents_not() {
        assertThat(goods.closed(ChangeKind.AMENDMENT, OverallStatus.COMPLETED)).isFalse();
        assertThat(licence.closed(ChangeKind.AMENDMENT, OverallStatus.COMPLETED)).isTrue();
        assertThat(goods.decidedBy()).isEqualTo("GACC");
        assertThat(licence.decidedBy()).isNull();
    }
}
