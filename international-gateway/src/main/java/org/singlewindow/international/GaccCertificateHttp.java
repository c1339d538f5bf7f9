package org.singlewindow.international;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.singlewindow.contracts.json.Json;
import org.singlewindow.node.signature.DocumentSignatures;
import org.singlewindow.node.signature.AgencySignatures;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link ForeignCertificateLink} over HTTP: {@code POST sw.as4.handover.url} (by default {@code foreign-certificates}
 * beside GACC's declaration link, {@code sw.agencies.GACC.url}) with
 * {@code {"messageId","partner","document","conversationId","xml"}} and {@code X-Message-Id}; GACC answers
 * {@code {"status":"ACCEPTED"|"REJECTED","message"}}, signed by GACC in {@code X-SW-Signature} over
 * {@link AgencySignatures#answered the answer bound to the message id} (no declaration id), as its answers on
 * declarations are. Anything else, a bad signature included, is a failure, tried again at the next pass.
 */
@Component
@ConditionalOnProperty(name = "sw.as4.enabled", havingValue = "true")
class GaccCertificateHttp implements ForeignCertificateLink {

    private final URI url;
    private final AgencySignatures signatures;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    GaccCertificateHttp(As4Properties settings, AgencyAddresses agencies, AgencySignatures signatures) {
        this.signatures = signatures;
        this.url = settings.handover().url() != null ? settings.handover().url()
                : agencies.of("GACC").map(gacc -> gacc.resolve("foreign-certificates")).orElse(null);
        if (url == null) {
            throw new IllegalStateException("sw.as4.handover.url is not set and there is no sw.agencies.GACC.url");
        }
    }

    @Override
    public Result handOver(As4MessageRow received) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("messageId", received.messageId());
        body.put("partner", received.partner());
        body.put("document", received.document());
        body.put("conversationId", received.conversationId());
        body.put("xml", received.xml());
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url)
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("X-Message-Id", received.messageId())
                    .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body),
                            StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GACC answered " + response.statusCode());
            }
            JsonNode answer = Json.MAPPER.readTree(response.body());
            String status = answer.path("status").asString("");
            if (!status.equals("ACCEPTED") && !status.equals("REJECTED")) {
                throw new IllegalStateException("GACC answered status '" + status + "'");
            }
            AgencySignatures.Signed signed = signatures.verify(AgencySignatures.answered("", received.messageId(),
                    answer), response.headers().firstValue(DocumentSignatures.HEADER).orElse(null), "GACC");
            return new Result(status, answer.path("message").asString(null), signed);
        } catch (IOException e) {
            throw new IllegalStateException("GACC unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
