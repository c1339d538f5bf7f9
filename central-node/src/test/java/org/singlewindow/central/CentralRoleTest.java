package org.singlewindow.central;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.envelope.Envelope;
import org.singlewindow.contracts.envelope.MessageType;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.config.NodeRoleModule;
import org.singlewindow.node.config.QueueNames;
import org.singlewindow.node.config.RoleCheck;
import org.singlewindow.routing.Destination;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Central as one whole role: what starts, what is refused, who must have signed what it receives. */
class CentralRoleTest {

    private final CentralRole central = role(Map.of());

    private static Binder settings(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values));
    }

    private static NodeProperties node(Map<String, String> values) {
        return settings(values).bindOrCreate("sw", NodeProperties.class);
    }

    private static CentralRole role(Map<String, String> values) {
        return new CentralRole(settings(values).bindOrCreate("sw", CentralProperties.class));
    }

    /** What stops a node with these settings from starting with these role modules. */
    private static List<String> problems(List<NodeRoleModule> modules, Map<String, String> values) {
        return RoleCheck.problems(modules, node(values), settings(values));
    }

    private static Envelope envelope(MessageType type, String sender, String origin) {
        return new Envelope("m-1", "d-1", type, DocumentType.GOODS_DECLARATION, sender, "central", origin,
                Instant.EPOCH, List.of(), Envelope.SCHEMA_VERSION, null, null, null);
    }

    @Test
    void central_configured_as_central_should_start() {
        assertThat(problems(List.of(central), Map.of("sw.role", "CENTRAL", "sw.code", "central",
                "sw.agencies.GACC.url", "http://127.0.0.1:1/gacc"))).isEmpty();
    }

    @Test
    void central_with_a_province_setting_or_another_role_should_not_start_and_say_why() {
        assertThat(problems(List.of(central), Map.of("sw.role", "CENTRAL", "sw.code", "central",
                "sw.central.broker-url", "tcp://127.0.0.1:61600")))
                .containsExactly("sw.central is a province's link to central; central has none");
        assertThat(problems(List.of(central), Map.of("sw.role", "CENTRAL", "sw.code", "central",
                "sw.portal.secret", "s")))
                .containsExactly("sw.portal is a province's portal login through central; central has none");
        assertThat(problems(List.of(central), Map.of("sw.role", "PROVINCIAL", "sw.code", "central")))
                .containsExactly("sw.role=PROVINCIAL but this is the CENTRAL node's assembly");
        assertThat(problems(List.of(central), Map.of("sw.role", "CENTRAL", "sw.code", "310000")))
                .containsExactly("sw.code of the central node must be 'central', not '310000'");
        assertThat(problems(List.of(central, central), Map.of("sw.role", "CENTRAL")))
                .singleElement().asString().startsWith("a node runs exactly one role module");
        MockEnvironment provinces = new MockEnvironment().withProperty("sw.role", "PROVINCIAL")
                .withProperty("sw.code", "central");
        assertThatThrownBy(() -> new RoleCheck(List.of(central), node(Map.of("sw.role", "PROVINCIAL",
                "sw.code", "central")), provinces)).hasMessageStartingWith("this node cannot start as configured: sw.role");
    }

    @Test
    void central_should_route_only_to_the_ministry_links_it_has() {
        Map<String, String> values = Map.of("sw.code", "central", "sw.agencies.GACC.url", "http://127.0.0.1:1/gacc");
        NodeProperties node = node(values);
        CentralRole central = role(values);
        assertThat(central.mayRouteTo(Destination.agency("GACC"), node)).isTrue();
        assertThat(central.mayRouteTo(Destination.agency("MSA"), node)).isFalse();
        assertThat(central.mayRouteTo(Destination.CENTRAL, node)).isFalse();
        assertThat(central.mayRouteTo(Destination.peer("440000"), node)).isFalse();
    }

    @Test
    void centrals_operators_should_see_the_intake_each_link_and_each_provinces_results() {
        Map<String, String> values = Map.of("sw.code", "central", "sw.agencies.MSA.url", "http://x/msa",
                "sw.agencies.GACC.url", "http://x/gacc", "sw.provinces.440000.broker-password", "p",
                "sw.provinces.310000.broker-password", "p");
        assertThat(role(values).operatedQueues(node(values), new QueueNames())).containsExactly("sw.in.provinces",
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
