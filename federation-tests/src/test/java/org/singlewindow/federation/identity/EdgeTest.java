package org.singlewindow.federation.identity;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.singlewindow.federation.support.Federation;
import org.singlewindow.federation.support.Samples;
import org.singlewindow.federation.support.SharedFederation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.singlewindow.federation.support.Federation.SH;

/** The node's edge: local services through the gateway with the caller's identity, request ids, security headers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedFederation.class)
class EdgeTest {

    private Federation federation;

    @BeforeAll
    void start(Federation shared) {
        federation = shared;
        federation.portCommunity.stubFor(get(urlPathEqualTo("/berths")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[{\"berth\":\"W3\"}]")));
    }

    @Test
    void a_local_service_should_be_reached_through_the_node_with_the_callers_identity_and_no_spoofing() {
        HttpResponse<String> response = federation.send(HttpRequest.newBuilder(URI.create(federation.url(SH)
                        + "/local/pcs/berths?vessel=COSCO")).header("Authorization", "Bearer " + federation.token("sh-acme"))
                .header("X-SW-USCC", "91440300MA5F2B3K1X").header("X-Request-Id", "trace-42").GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("W3");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("trace-42");
        federation.portCommunity.verify(getRequestedFor(urlEqualTo("/berths?vessel=COSCO"))
                .withHeader("X-SW-Client-Id", equalTo("sh-acme"))
                .withHeader("X-SW-USCC", equalTo(Samples.ACME_SH))
                .withHeader("X-SW-Roles", equalTo("DECLARANT")));
    }

    @Test
    void the_callers_credentials_and_identity_lookalikes_should_never_reach_a_local_service() {
        String token = federation.token("sh-acme");
        HttpResponse<String> response = federation.send(HttpRequest.newBuilder(URI.create(federation.url(SH)
                        + "/local/pcs/berths?vessel=EVERGREEN")).header("Authorization", "Bearer " + token)
                .header("Cookie", "SWSESSION-310000=stolen").header("x_sw_uscc", "91440300MA5F2B3K1X")
                .header("X-Sw_Roles", "CENTRAL_OPERATOR").header("x-sw-province", "440000")
                .header("Proxy-Authorization", "Basic c2VjcmV0").GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var relayed = federation.portCommunity.findAll(getRequestedFor(urlEqualTo("/berths?vessel=EVERGREEN")));
        assertThat(relayed).singleElement().satisfies(r -> {
            assertThat(r.getHeaders().keys()).noneMatch(name -> name.equalsIgnoreCase("Authorization")
                    || name.equalsIgnoreCase("Cookie") || name.equalsIgnoreCase("Proxy-Authorization")
                    || name.equalsIgnoreCase("x_sw_uscc") || name.equalsIgnoreCase("X-Sw_Roles"));
            assertThat(r.getHeader("X-SW-Roles")).isEqualTo("DECLARANT");
            assertThat(r.getHeader("X-SW-USCC")).isEqualTo(Samples.ACME_SH);
            assertThat(r.getHeaders().getHeader("X-SW-Province").isPresent()).isFalse();
        });
    }

    @Test
    void a_local_service_should_not_be_reached_without_a_token() {
        int before = federation.portCommunity.getAllServeEvents().size();
        HttpResponse<String> response = federation.send(HttpRequest.newBuilder(URI.create(federation.url(SH)
                + "/local/pcs/berths")).GET().build());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(federation.portCommunity.getAllServeEvents()).hasSize(before);
    }

    @Test
    void every_answer_should_carry_a_request_id_and_security_headers() {
        HttpResponse<String> response = federation.get(federation.url(SH) + "/api/v1/declarations?size=1",
                federation.token("sh-acme"));
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        HttpResponse<String> spoofed = federation.send(HttpRequest.newBuilder(URI.create(federation.url(SH)
                + "/actuator/health")).header("X-Request-Id", "not a plain token; " + "x".repeat(80)).GET().build());
        assertThat(spoofed.headers().firstValue("X-Request-Id").orElse("")).matches("[0-9a-f-]{36}");
    }
}
