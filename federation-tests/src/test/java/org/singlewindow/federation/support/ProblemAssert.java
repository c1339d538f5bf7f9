package org.singlewindow.federation.support;

import java.net.http.HttpResponse;
import java.util.List;

import org.singlewindow.contracts.json.Json;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks a refusal: the status, RFC 9457 problem details with the expected code, in English and Chinese. */
public final class ProblemAssert {

    private ProblemAssert() {
    }

    public static JsonNode assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = Json.MAPPER.readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("titleZh").asString()).isNotBlank();
        assertThat(problem.get("detailZh").asString()).isNotBlank();
        return problem;
    }

    /** "path code" of each field error. */
    public static List<String> errors(JsonNode problem) {
        return problem.get("errors").valueStream()
                .map(e -> e.get("path").asString() + " " + e.get("code").asString()).toList();
    }
}
