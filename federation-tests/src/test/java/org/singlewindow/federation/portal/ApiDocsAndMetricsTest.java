package org.singlewindow.federation.portal;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.federation.support.Federation;
import org.singlewindow.federation.support.SharedFederation;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.singlewindow.federation.support.Federation.SH;

/**
 * The public API is described in OpenAPI 3.1 exactly as it is served (every {@code /api/**} endpoint documented,
 * every documented path served), browsable, and the operations figures are Prometheus metrics for operators only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedFederation.class)
class ApiDocsAndMetricsTest {

    private Federation federation;

    @BeforeAll
    void start(Federation shared) {
        federation = shared;
    }

    private HttpResponse<String> anonymous(String url) {
        return federation.send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    /** The {@code /api/**} paths a node's controllers serve, as patterns ({@code /api/v1/declarations/{id}}). */
    private static Set<String> served(ConfigurableApplicationContext node) {
        Set<String> paths = new TreeSet<>();
        node.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods().keySet()
                .forEach(info -> info.getPatternValues().stream().filter(p -> p.startsWith("/api/"))
                        .forEach(paths::add));
        return paths;
    }

    private Set<String> documented(String nodeUrl) {
        HttpResponse<String> docs = anonymous(nodeUrl + "/v3/api-docs");
        assertThat(docs.statusCode()).as(docs.body()).isEqualTo(200);
        JsonNode api = Json.MAPPER.readTree(docs.body());
        assertThat(api.get("openapi").asString()).startsWith("3.1");
        Set<String> paths = new TreeSet<>();
        api.get("paths").propertyNames().forEach(paths::add);
        return paths;
    }

    @Test
    void every_served_api_endpoint_should_be_documented_and_every_documented_one_served() {
        assertThat(documented(federation.url(SH))).isEqualTo(served(federation.context(SH)))
                .contains("/api/v1/declarations", "/api/v1/declarations/{id}", "/api/v1/statistics",
                        "/api/v1/declarations/export", "/api/v1/ops/links");
        assertThat(documented(federation.centralUrl())).isEqualTo(served(federation.centralContext()))
                .contains("/api/v1/agency-receipts", "/api/v1/enterprises", "/api/v1/delegations")
                .doesNotContain("/api/v1/peer-copies");
    }

    @Test
    void documented_parameterless_reads_should_answer_an_operator() {
        JsonNode api = Json.MAPPER.readTree(anonymous(federation.url(SH) + "/v3/api-docs").body());
        String ops = federation.token("ops-310000");
        List<String> answered = new ArrayList<>();
        api.get("paths").properties().forEach(path -> {
            if (path.getValue().has("get") && !path.getKey().contains("{")) {
                HttpResponse<String> response = federation.get(federation.url(SH) + path.getKey(), ops);
                assertThat(response.statusCode()).as(path.getKey() + ": " + response.body()).isNotIn(404, 405, 500);
                answered.add(path.getKey());
            }
        });
        assertThat(answered).contains("/api/v1/declarations", "/api/v1/statistics", "/api/v1/ops/links");
    }

    @Test
    void the_browsable_page_should_load_with_its_own_content_policy() {
        HttpResponse<String> page = anonymous(federation.url(SH) + "/swagger-ui/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).startsWith("default-src 'self'"));
    }

    @Test
    void prometheus_metrics_should_show_queues_links_and_dead_letters_to_this_nodes_operators_only() {
        String metrics = federation.url(SH) + "/actuator/prometheus";
        assertThat(anonymous(metrics).statusCode()).isEqualTo(401);
        assertThat(federation.get(metrics, federation.token("sh-acme")).statusCode()).isEqualTo(403);
        assertThat(federation.get(metrics, federation.token("ops-440000")).statusCode()).isEqualTo(403);
        HttpResponse<String> scraped = federation.get(metrics, federation.token("ops-310000"));
        assertThat(scraped.statusCode()).as(scraped.body()).isEqualTo(200);
        assertThat(scraped.body()).contains("sw_queue_messages{queue=\"sw.out.central\"}",
                "sw_queue_oldest_age_seconds{queue=\"sw.out.province.310000\"}",
                "sw_queue_dead_letters{queue=\"sw.out.central\"}", "sw_link_up{link=");
        HttpResponse<String> central = federation.get(federation.centralUrl() + "/actuator/prometheus",
                federation.token("ops-central"));
        assertThat(central.body()).contains("sw_link_up{link=\"agency-link-GACC\"} 1.0",
                "sw_queue_messages{queue=\"sw.agency.GACC\"}");
    }
}
