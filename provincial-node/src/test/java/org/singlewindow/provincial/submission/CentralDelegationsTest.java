package org.singlewindow.provincial.submission;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.node.refusal.Refusal;
import org.singlewindow.provincial.ProvincialProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The provincial side of a broker's delegation check, against central's API played by WireMock. */
class CentralDelegationsTest {

    private final WireMockServer central = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private CentralDelegations delegations;

    @BeforeEach
    void start() {
        central.start();
        delegations = new CentralDelegations(properties(central.baseUrl()));
    }

    @AfterEach
    void stop() {
        central.stop();
    }

    @Test
    void a_covered_submission_should_return_the_delegation_asked_for_with_the_brokers_own_token() {
        central.stubFor(get(urlPathEqualTo("/api/v1/delegations/check")).withHeader("Authorization",
                        equalTo("Bearer broker-token")).withQueryParam("principal", equalTo("P"))
                .withQueryParam("documentType", equalTo("GOODS_DECLARATION"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"delegationId\":\"g-1\",\"validUntil\":\"2027-01-01T00:00:00Z\"}")));
        assertThat(delegations.covering("broker-token", "P", DocumentType.GOODS_DECLARATION)).isEqualTo("g-1");
    }

    @Test
    void when_central_refuses_should_relay_its_reason() {
        central.stubFor(get(urlPathEqualTo("/api/v1/delegations/check")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"code\":\"DELEGATION_REVOKED\","
                        + "\"title\":\"Forbidden\",\"titleZh\":\"无权操作\",\"detail\":\"revoked\",\"detailZh\":\"委托已撤销\"}")));
        assertThatThrownBy(() -> delegations.covering("t", "P", DocumentType.GOODS_DECLARATION))
                .isInstanceOfSatisfying(Refusal.class, e -> {
                    assertThat(e.kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
                    assertThat(e.code()).isEqualTo("DELEGATION_REVOKED");
                    assertThat(e.detailZh()).isEqualTo("委托已撤销");
                });
    }

    @Test
    void when_central_no_longer_accepts_the_token_should_ask_to_log_in_again() {
        central.stubFor(get(urlPathEqualTo("/api/v1/delegations/check")).willReturn(aResponse().withStatus(401)));
        assertThatThrownBy(() -> delegations.covering("expired", "P", DocumentType.GOODS_DECLARATION))
                .isInstanceOfSatisfying(Refusal.class, e -> {
                    assertThat(e.kind()).isEqualTo(Refusal.Kind.UNAUTHENTICATED);
                    assertThat(e.code()).isEqualTo("LOGIN_EXPIRED");
                });
    }

    @Test
    void when_central_fails_or_is_down_should_refuse_with_503_and_not_guess() {
        central.stubFor(get(urlPathEqualTo("/api/v1/delegations/check")).willReturn(aResponse().withStatus(500)
                .withBody("<html>oops</html>")));
        assertUnchecked();
        central.stop();
        assertUnchecked();
    }

    private void assertUnchecked() {
        assertThatThrownBy(() -> delegations.covering("t", "P", DocumentType.GOODS_DECLARATION))
                .isInstanceOfSatisfying(Refusal.class, e -> {
                    assertThat(e.kind()).isEqualTo(Refusal.Kind.UNAVAILABLE);
                    assertThat(e.code()).isEqualTo("DELEGATION_UNCHECKED");
                });
    }

    private static ProvincialProperties properties(String centralUrl) {
        return new Binder(new MapConfigurationPropertySource(Map.of("sw.central.base-url", centralUrl)))
                .bindOrCreate("sw", ProvincialProperties.class);
    }
}
