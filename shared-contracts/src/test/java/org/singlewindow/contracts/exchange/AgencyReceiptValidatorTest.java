package org.singlewindow.contracts.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.singlewindow.contracts.json.Json;

class AgencyReceiptValidatorTest {

    private final AgencyReceiptValidator validator = new AgencyReceiptValidator();

    private List<String> violations(String json) {
        return validator.validate(Json.MAPPER.readTree(json)).stream().map(v -> v.path() + " " + v.code()).toList();
    }

    @Test
    void a_complete_receipt_should_be_valid_and_extra_fields_ignored() {
        assertThat(violations("""
                {"receiptId": "m-1:800", "declarationId": "d-1", "status": "RELEASED", "code": "800",
                 "message": "放行", "occurredAt": "2026-11-27T08:00:00Z", "extra": 1}""")).isEmpty();
    }

    @Test
    void every_problem_should_be_named() {
        assertThat(violations("""
                {"status": "DONE", "code": "123456789012345678901", "occurredAt": "yesterday"}"""))
                .containsExactlyInAnyOrder("$.receiptId REQUIRED", "$.declarationId REQUIRED", "$.status CODE_UNKNOWN",
                        "$.code TOO_LONG", "$.occurredAt FORMAT");
    }
}
