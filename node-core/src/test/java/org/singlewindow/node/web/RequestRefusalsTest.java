package org.singlewindow.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Refusals are counted by problem code; the node's own failures are not refusals. */
class RequestRefusalsTest {

    @Test
    void a_4xx_problem_should_count_by_its_code_and_a_5xx_not_at_all() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RequestRefusals refusals = new RequestRefusals(meters);
        refusals.counted(Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "t", "t", "d", "d", List.of()));
        refusals.counted(Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "t", "t", "d", "d", List.of()));
        refusals.counted(Problems.of(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "t", "t", "d", "d", List.of()));
        refusals.counted(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL", "t", "t", "d", "d", List.of()));
        assertThat(meters.counter(RequestRefusals.METER, "code", "VALIDATION_FAILED").count()).isEqualTo(2);
        assertThat(meters.counter(RequestRefusals.METER, "code", "UNAUTHENTICATED").count()).isEqualTo(1);
        assertThat(meters.find(RequestRefusals.METER).tag("code", "INTERNAL").counter()).isNull();
    }
}
