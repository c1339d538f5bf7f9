package org.singlewindow.node.web;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Counts the requests this node refused, by problem code ({@code sw.requests.refused{code}}: validation, signatures,
 * references, access, rate limits…), for its operators ({@code /api/v1/ops/refusals}, Prometheus). Only refusals
 * (4xx) count; a failure of the node's own (5xx) is not a refusal.
 */
@Component
public class RequestRefusals {

    public static final String METER = "sw.requests.refused";

    private final MeterRegistry meters;

    public RequestRefusals(MeterRegistry meters) {
        this.meters = meters;
    }

    public ProblemDetail counted(ProblemDetail problem) {
        Object code = problem.getProperties() == null ? null : problem.getProperties().get("code");
        if (problem.getStatus() >= 400 && problem.getStatus() < 500 && code != null) {
            meters.counter(METER, "code", code.toString()).increment();
        }
        return problem;
    }
}
