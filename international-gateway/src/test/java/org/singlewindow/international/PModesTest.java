package org.singlewindow.international;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PModesTest {

    private final PModes shipped = PModes.read(PModesTest.class.getResourceAsStream("/as4/pmodes.yaml"));

    @Test
    void a_certificate_of_origin_should_go_out_under_the_p_mode_of_its_agreement() {
        assertThat(shipped.outbound(PartnerDocument.CERTIFICATE_OF_ORIGIN, "FORM_E")).get()
                .extracting(PMode::id).isEqualTo("eco-form-e-out");
        assertThat(shipped.outbound(PartnerDocument.CERTIFICATE_OF_ORIGIN, "RCEP")).get()
                .extracting(PMode::agreement).isEqualTo("urn:singlewindow:agreement:rcep");
        assertThat(shipped.outbound(PartnerDocument.CERTIFICATE_OF_ORIGIN, "NON_PREFERENTIAL"))
                .as("a non-preferential certificate does not travel").isEmpty();
        assertThat(shipped.outbound(PartnerDocument.RESULT, null)).get().extracting(PMode::action)
                .isEqualTo("CertificateResult");
    }

    @Test
    void an_incoming_message_should_match_service_action_and_agreement_all_three() {
        assertThat(shipped.inbound("urn:singlewindow:service:sps-certificate", "SubmitSpsCertificate",
                "urn:singlewindow:agreement:ephyto")).get().extracting(PMode::document)
                .isEqualTo(PartnerDocument.SPS_CERTIFICATE);
        assertThat(shipped.inbound("urn:singlewindow:service:sps-certificate", "SubmitSpsCertificate",
                "urn:singlewindow:agreement:acfta")).as("another agreement").isEmpty();
        assertThat(shipped.inbound("urn:singlewindow:service:certificate-of-origin", "SubmitCertificateOfOrigin",
                "urn:singlewindow:agreement:acfta")).get().extracting(PMode::direction).isEqualTo(PMode.Direction.IN);
    }

    @Test
    void a_p_mode_defined_twice_should_be_refused() {
        String yaml = """
                pmodes:
                  - {id: a, direction: IN, document: RESULT, agreement: x, service: s, serviceType: t, action: y}
                  - {id: a, direction: OUT, document: RESULT, agreement: x, service: s, serviceType: t, action: y}
                """;
        assertThatThrownBy(() -> PModes.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("defined twice");
    }
}
