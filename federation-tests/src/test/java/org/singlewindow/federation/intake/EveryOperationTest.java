package org.singlewindow.federation.intake;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.federation.support.Federation;
import org.singlewindow.federation.support.RawHttp;
import org.singlewindow.federation.support.SharedFederation;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.singlewindow.federation.support.Federation.SH;

/**
 * Every operation of each node's OpenAPI document, at a province and at central, read from the document itself so
 * that a new endpoint is covered without anyone remembering it, is sent what a hostile caller sends: a body whose
 * {@code Content-Type} is a wildcard, another type or text that does not parse; query values that overflow or do
 * not parse; and requests the servlet container refuses before the node sees them (an encoded {@code /} or
 * {@code ..} in the path, a NUL or an escape character in the query). Each is sent with the tokens of a trader, an
 * operator and an agency. Every answer is a client error as a bilingual problem (never a 5xx, never an HTML page),
 * a wildcard or unreadable type is 415 on every operation that takes a body, and nothing is stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedFederation.class)
class EveryOperationTest {

    private static final Set<String> BODY_METHODS = Set.of("post", "put", "patch");
    /** Content types that name no media type: always 415. */
    private static final List<String> NO_MEDIA_TYPE = List.of("*/*", "application/*", "*/*; charset=UTF-8",
            "not a type;;", "application/json; charset=\"");
    private Federation federation;
    private Map<String, List<String>> tokens;

    @BeforeAll
    void start(Federation shared) {
        federation = shared;
        tokens = Map.of(federation.url(SH), List.of(federation.token("sh-acme"), federation.token("ops-310000"),
                        federation.token("gacc-sim")),
                federation.centralUrl(), List.of(federation.token("sh-acme"), federation.token("ops-central"),
                        federation.token("gacc-sim")));
    }

    /** One documented operation: a method and a path with its parameters filled in. */
    private record Operation(String method, String path) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    private List<Operation> operations(String nodeUrl) {
        HttpResponse<String> docs = federation.send(HttpRequest.newBuilder(URI.create(nodeUrl + "/v3/api-docs"))
                .GET().build());
        assertThat(docs.statusCode()).isEqualTo(200);
        List<Operation> operations = new ArrayList<>();
        Json.MAPPER.readTree(docs.body()).get("paths").properties().forEach(path -> path.getValue().propertyNames()
                .forEach(method -> operations.add(new Operation(method,
                        path.getKey().replaceAll("\\{[^}]+}", "1")))));
        return operations;
    }

    @Test
    void every_operation_should_refuse_a_body_that_names_no_media_type_with_415() {
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        int counts = stored();
        for (String node : tokens.keySet()) {
            for (Operation operation : operations(node)) {
                if (!BODY_METHODS.contains(operation.method())) {
                    continue;
                }
                for (String token : tokens.get(node)) {
                    for (String type : NO_MEDIA_TYPE) {
                        tried++;
                        HttpResponse<String> answer = send(node, operation, token, type, "{}");
                        if (answer.statusCode() != 415 || !problem(answer.headers().firstValue("Content-Type")
                                .orElse(""), answer.body(), "header:Content-Type")) {
                            wrong.add(operation + " as " + type + " → " + answer.statusCode() + " " + cut(answer.body()));
                        }
                    }
                    tried++;
                    HttpResponse<String> plain = send(node, operation, token, "text/plain", "{}");
                    if (!clientProblem(plain)) {
                        wrong.add(operation + " as text/plain → " + plain.statusCode() + " " + cut(plain.body()));
                    }
                }
            }
        }
        assertThat(tried).as("requests").isGreaterThan(100);
        assertThat(wrong).isEmpty();
        assertThat(stored()).isEqualTo(counts);
    }

    @Test
    void every_operation_should_answer_overflowing_and_unparsable_query_values_without_a_server_error() {
        List<String> wrong = new ArrayList<>();
        int counts = stored();
        for (String node : tokens.keySet()) {
            for (Operation operation : operations(node)) {
                for (String token : tokens.get(node)) {
                    for (String query : List.of("page=2147483648&size=99999999999", "limit=-2147483649&page=-1",
                            "from=not-a-time&to=%00&status=%1B&type=%C3%28")) {
                        HttpResponse<String> answer = send(node, new Operation(operation.method(),
                                operation.path() + "?" + query), token, "application/json", "{}");
                        if (answer.statusCode() >= 500 || answer.statusCode() >= 400 && !clientProblem(answer)) {
                            wrong.add(operation + "?" + query + " → " + answer.statusCode() + " " + cut(answer.body()));
                        }
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(stored()).isEqualTo(counts);
    }

    @Test
    void requests_the_container_refuses_should_get_a_problem_not_an_html_page() {
        List<String> wrong = new ArrayList<>();
        int counts = stored();
        for (String node : tokens.keySet()) {
            String token = tokens.get(node).get(1);
            for (Operation operation : operations(node)) {
                String path = operation.path();
                int cut = path.lastIndexOf('/');
                List<byte[]> targets = List.of(
                        ascii(path.substring(0, cut) + "/%2F" + path.substring(cut + 1)),
                        ascii(path.substring(0, cut) + "/%2e%2e/%2e%2e/%2e%2e/etc/passwd"),
                        ascii(path + "/..%2F..%2F"),
                        withByte(path + "?q=a", (byte) 0x00),
                        withByte(path + "?q=a", (byte) 0x1B));
                for (byte[] target : targets) {
                    RawHttp.Answer answer = RawHttp.send(node, operation.method().toUpperCase(), target, token);
                    if (answer.status() < 400 || answer.status() >= 500
                            || !problem(answer.contentType(), answer.body(), null)) {
                        wrong.add(operation + " as " + new String(target, StandardCharsets.ISO_8859_1)
                                .replace("\u0000", "\\0").replace("\u001b", "\\e") + " → " + answer.status() + " "
                                + answer.contentType() + " " + cut(answer.body()));
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(stored()).isEqualTo(counts);
    }

    private HttpResponse<String> send(String node, Operation operation, String token, String contentType,
                                      String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node + operation.path()))
                .header("Authorization", "Bearer " + token);
        if (BODY_METHODS.contains(operation.method())) {
            request.header("Content-Type", contentType).method(operation.method().toUpperCase(),
                    HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(operation.method().toUpperCase(), HttpRequest.BodyPublishers.noBody());
        }
        return federation.send(request.build());
    }

    private static boolean clientProblem(HttpResponse<String> answer) {
        return answer.statusCode() >= 400 && answer.statusCode() < 500
                && problem(answer.headers().firstValue("Content-Type").orElse(""), answer.body(), null);
    }

    /** A bilingual problem, naming {@code field} among its errors when one is given. */
    private static boolean problem(String contentType, String body, String field) {
        if (!contentType.startsWith("application/problem+json")) {
            return false;
        }
        JsonNode problem = Json.MAPPER.readTree(body);
        return problem.hasNonNull("code") && problem.hasNonNull("title") && problem.hasNonNull("titleZh")
                && problem.hasNonNull("detailZh") && (field == null || problem.path("errors").valueStream()
                .anyMatch(e -> field.equals(e.path("path").asString(""))));
    }

    /** Declarations at the province, enterprises, delegations and users at central. */
    private int stored() {
        return federation.db(SH).queryForObject("select count(*) from declaration", Integer.class)
                + federation.centralDb().queryForObject("select (select count(*) from enterprise) + (select count(*) "
                + "from delegation) + (select count(*) from portal_user)", Integer.class);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] withByte(String text, byte control) {
        byte[] ascii = ascii(text);
        byte[] out = java.util.Arrays.copyOf(ascii, ascii.length + 1);
        out[ascii.length] = control;
        return out;
    }

    private static String cut(String body) {
        return body == null ? "" : body.substring(0, Math.min(160, body.length())).replace('\n', ' ');
    }
}
