package org.singlewindow.central.identity;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.singlewindow.central.CentralProperties.Client;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientRulesTest {

    @Test
    void well_formed_clients_should_pass() {
        assertThatCode(() -> ClientRules.check(List.of(
                new Client("sh-acme", "{noop}s", List.of("DECLARANT"), "91310115MA1H7G0X0M", null, null),
                new Client("gacc", "{noop}s", List.of("AGENCY"), null, "GACC", null),
                new Client("ops", "{noop}s", List.of("NODE_OPERATOR"), null, null, "310000")))).doesNotThrowAnyException();
    }

    @Test
    void every_problem_should_stop_the_issuer_with_its_client_named() {
        assertThatThrownBy(() -> ClientRules.check(List.of(
                new Client("a", "{noop}s", List.of("DECLARANT"), "91310115MA1H7G0X0A", null, null),
                new Client("a", "", List.of("SUPERUSER"), null, null, null),
                new Client("g", "{noop}s", List.of("AGENCY"), null, null, null),
                new Client("o", "{noop}s", List.of("NODE_OPERATOR"), null, null, "31"))))
                .hasMessageContaining("sw.identity.clients[0] (a): a DECLARANT or BROKER needs the uscc")
                .hasMessageContaining("sw.identity.clients[1] (a): client-id missing or repeated")
                .hasMessageContaining("sw.identity.clients[1] (a): secret missing")
                .hasMessageContaining("sw.identity.clients[1] (a): roles must be some of")
                .hasMessageContaining("sw.identity.clients[2] (g): an AGENCY or AGENCY_OFFICER client needs agency")
                .hasMessageContaining("sw.identity.clients[3] (o): a NODE_OPERATOR needs the 6-digit code");
        assertThatThrownBy(() -> ClientRules.check(List.of())).hasMessageContaining("no client is registered");
    }
}
