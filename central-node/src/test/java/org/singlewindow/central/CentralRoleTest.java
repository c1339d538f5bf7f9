package org.singlewindow.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** Central as one whole role: what starts, what is refused, who must have signed what it receives. */
class CentralRoleTest {

    private final CentralRole central = new CentralRole();

    private static NodeProperties node(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("sw", NodeProperties.class);
    }

    private static Envelope envelope(MessageType type, String sender, String origin) {
        return new Envelope("m-1", "d-1", type, DocumentType.GOODS_DECLARATION, sender, "central", origin,
                Instant.EPOCH, List.of(), Envelope.SCHEMA_VERSION, null, null, null);
    }

    @Test
    void central_configured_as_central_should_start() {
        assertThat(RoleCheck.problems(List.of(central), node(Map.of("sw.role", "CENTRAL", "sw.code", "central",
                "sw.agencies.GACC.url", "http://127.0.0.1:1/gacc")))).isEmpty();
    }

    @Test
    void central_with_a_province_setting_or_another_role_should_not_start_and_say_why() {
        assertThat(RoleCheck.problems(List.of(central), node(Map.of("sw.role", "CENTRAL", "sw.code", "central",
                "sw.central.broker-url", "tcp://127.0.0.1:61600"))))
                .containsExactly("sw.central.broker-url is a province's uplink to central; central has none");
        assertThat(RoleCheck.problems(List.of(central), node(Map.of("sw.role", "PROVINCIAL", "sw.code", "central"))))
                .containsExactly("sw.role=PROVINCIAL but this is the CENTRAL node's assembly");
        assertThat(RoleCheck.problems(List.of(central), node(Map.of("sw.role", "CENTRAL", "sw.code", "310000"))))
                .containsExactly("sw.code of the central node must be 'central', not '310000'");
        assertThat(RoleCheck.problems(List.of(central, central), node(Map.of("sw.role", "CENTRAL"))))
                .singleElement().asString().startsWith("a node runs exactly one role module");
        assertThatThrownBy(() -> new RoleCheck(List.of(central), node(Map.of("sw.role", "PROVINCIAL",
                "sw.code", "central")))).hasMessageStartingWith("this node cannot start as configured: sw.role");
    }

    @Test
    void central_should_route_only_to_the_ministry_links_it_has() {
        NodeProperties node = node(Map.of("sw.code", "central", "sw.agencies.GACC.url", "http://127.0.0.1:1/gacc"));
        assertThat(central.mayRouteTo(Destination.agency("GACC"), node)).isTrue();
        assertThat(central.mayRouteTo(Destination.agency("MSA"), node)).isFalse();
        assertThat(central.mayRouteTo(Destination.CENTRAL, node)).isFalse();
        assertThat(central.mayRouteTo(Destination.peer("440000"), node)).isFalse();
    }

    @Test
    void centrals_operators_should_see_the_intake_each_link_and_each_provinces_results() {
        NodeProperties node = node(Map.of("sw.code", "central", "sw.agencies.MSA.url", "http://x/msa",
                "sw.agencies.GACC.url", "http://x/gacc", "sw.provinces.440000.broker-password", "p",
                "sw.provinces.310000.broker-password", "p"));
        assertThat(central.operatedQueues(node, new QueueNames())).containsExactly("sw.in.provinces",
                "sw.agency.GACC", "sw.agency.MSA", "sw.out.province.310000", "sw.out.province.440000");
    }

    @Test
    void a_province_should_sign_what_it_sends_and_speak_only_for_itself() {
        assertThat(central.expectedSigner(envelope(MessageType.DECLARATION, "310000", "310000"))).isEqualTo("310000");
        assertThat(central.expectedSigner(envelope(MessageType.PEER_COPY, "440000", "440000"))).isEqualTo("440000");
        assertThatThrownBy(() -> central.expectedSigner(envelope(MessageType.DECLARATION, "440000", "310000")))
                .hasMessage("sent by 440000 but speaks for province 310000");
        assertThatThrownBy(() -> central.expectedSigner(envelope(MessageType.PEER_COPY, "440000", "310000")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
