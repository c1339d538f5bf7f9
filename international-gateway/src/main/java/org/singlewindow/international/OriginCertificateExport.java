package org.singlewindow.international;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.singlewindow.node.declaration.ReceiptsRecorded;
import org.singlewindow.contracts.document.AgencyStatus;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Out: a certificate of origin goes to the importing country's window when its issuing agency approves it (a final
 * receipt other than REJECTED or SKIPPED), if a partner serves that country and an OUT P-Mode carries its certificate
 * type (Form E, RCEP); queued in the transaction that stored the approval, once per declaration. A certificate for a
 * country without a partner window stays with the trader, as on paper.
 */
@Component
@ConditionalOnProperty(name = "sw.as4.enabled", havingValue = "true")
class OriginCertificateExport {

    private static final Logger log = LoggerFactory.getLogger(OriginCertificateExport.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final As4Properties settings;
    private final PModes pmodes;
    private final As4Outbox outbox;
    private final As4MessageMapper messages;
    private final Clock clock;

    OriginCertificateExport(As4Properties settings, PModes pmodes, As4Outbox outbox, As4MessageMapper messages,
                            Clock clock) {
        this.settings = settings;
        this.pmodes = pmodes;
        this.outbox = outbox;
        this.messages = messages;
        this.clock = clock;
    }

    @EventListener
    void on(ReceiptsRecorded recorded) {
        if (!DocumentType.ORIGIN_CERTIFICATE.name().equals(recorded.declaration().documentType())) {
            return;
        }
        JsonNode document = Json.MAPPER.readTree(recorded.declaration().document());
        JsonNode data = document.path("data");
        String issuer = data.path("issuingAuthority").asString();
        boolean approved = recorded.fresh().stream().anyMatch(r -> r.agency().equals(issuer) && r.status().isFinal()
                && r.status() != AgencyStatus.REJECTED && r.status() != AgencyStatus.SKIPPED);
        if (!approved) {
            return;
        }
        String country = data.path("importingCountry").asString();
        Optional<String> partner = settings.partners().entrySet().stream()
                .filter(p -> p.getValue().countries().contains(country)).map(Map.Entry::getKey).findFirst();
        Optional<PMode> mode = pmodes.outbound(PartnerDocument.CERTIFICATE_OF_ORIGIN,
                data.path("certificateType").asString());
        String id = recorded.declaration().id();
        if (partner.isEmpty() || mode.isEmpty()
                || messages.countOut(id, PartnerDocument.CERTIFICATE_OF_ORIGIN.name()) > 0) {
            return;
        }
        String messageId = outbox.queue(partner.get(), mode.get(), id, null,
                PartnerPayloads.certificateOfOrigin(id, document, LocalDate.now(clock.withZone(CHINA))));
        log.info("certificate of origin {} queued for {} as AS4 message {}", id, partner.get(), messageId);
    }
}
