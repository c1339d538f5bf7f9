package org.singlewindow.provincial;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.config.QueueNames;
import org.singlewindow.node.config.RoleCheck;
import org.singlewindow.routing.Destination;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** A province as one whole role: what starts, what is refused, who must have signed what it receives. */
class ProvincialRoleTest {

    private final ProvincialRole province = role(Map.of());

    private static Binder settings(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values));
    }

    private static NodeProperties node(Map<String, String> values) {
        return settings(values).bindOrCreate("sw", NodeProperties.class);
    }

    private static ProvincialRole role(Map<String, String> values) {
        return new ProvincialRole(settings(values).bindOrCreate("sw", ProvincialProperties.class));
    }

    /** What stops a node with these settings from starting as a province. */
    private static List<String> problems(Map<String, String> values) {
        return RoleCheck.problems(List.of(role(values)), node(values), settings(values));
    }

    @Test
    void a_province_with_its_uplink_should_start() {
        assertThat(problems(Map.of("sw.role", "PROVINCIAL", "sw.code", "310000",
                "sw.central.broker-url", "tcp://127.0.0.1:61600"))).isEmpty();
    }

    @Test
    void a_province_with_central_settings_or_without_an_uplink_should_not_start_and_say_why() {
        assertThat(problems(Map.of("sw.role", "PROVINCIAL", "sw.code", "310000",
                "sw.agencies.GACC.url", "http://x/gacc", "sw.provinces.440000.broker-password", "p",
                "sw.identity.clients[0].client-id", "c", "sw.identity.clients[0].secret", "s",
                "sw.identity.token-ttl", "5m", "sw.identity.issuer", "http://127.0.0.1:8600")))
                .containsExactly(
                        "sw.central.broker-url is required: a province sends and receives through central's broker",
                        "sw.agencies: ministry links are central's",
                        "sw.provinces: only central serves provinces",
                        "sw.identity.clients: tokens are issued, and clients registered, at central",
                        "sw.identity.token-ttl: tokens are issued, and clients registered, at central");
        assertThat(problems(Map.of("sw.role", "CENTRAL", "sw.code", "central",
                "sw.central.broker-url", "tcp://127.0.0.1:61600"))).containsExactly(
                "sw.role=CENTRAL but this is the PROVINCIAL node's assembly",
                "sw.code of a province must be its 6-digit code (GB/T 2260), not 'central'");
    }

    @Test
    void a_province_should_route_to_central_and_peers_only() {
        NodeProperties node = node(Map.of("sw.code", "310000"));
        assertThat(province.mayRouteTo(Destination.CENTRAL, node)).isTrue();
        assertThat(province.mayRouteTo(Destination.peer("440000"), node)).isTrue();
        assertThat(province.mayRouteTo(Destination.agency("GACC"), node)).isFalse();
    }

    @Test
    void a_provinces_operators_should_see_its_uplink_and_its_results_queue() {
        assertThat(province.operatedQueues(node(Map.of("sw.code", "440000")), new QueueNames()))
                .containsExactly("sw.out.central", "sw.out.province.440000");
    }

    @Test
    void everything_a_province_receives_should_be_signed_by_central() {
        for (MessageType type : MessageType.values()) {
            assertThat(province.expectedSigner(new Envelope("m", "d", type, DocumentType.MANIFEST, "440000",
                    "peer:310000", "440000", Instant.EPOCH, List.of(), Envelope.SCHEMA_VERSION, null, null, null)))
                    .isEqualTo("central");
        }
    }
}
