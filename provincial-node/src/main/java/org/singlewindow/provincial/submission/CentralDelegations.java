package org.singlewindow.provincial.submission;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.node.delegation.Delegation;
import org.singlewindow.node.delegation.DelegationRules;
import org.singlewindow.node.refusal.Refusal;
import org.singlewindow.node.web.Problems;
import org.singlewindow.provincial.ProvincialProperties;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Asks central whether a broker's submission is covered by a delegation, with the broker's own token, right
 * before a provincial node would answer 202. Central's refusal is relayed as it is (403 with the
 * {@link DelegationRules.Reason} code); when central cannot be asked the submission is refused with 503
 * {@code DELEGATION_UNCHECKED} and nothing is stored.
 */
@Component
public class CentralDelegations {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI check;

    public CentralDelegations(ProvincialProperties provincial) {
        this.check = provincial.central().baseUrl().resolve("/api/v1/delegations/check");
    }

    /** The id of the delegation covering the submission. */
    public String covering(String token, String principalUscc, DocumentType type) {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(check + "?principal="
                            + URLEncoder.encode(principalUscc, StandardCharsets.UTF_8) + "&documentType=" + type.name()))
                    .timeout(TIMEOUT).header("Authorization", "Bearer " + token).header("Accept", "application/json")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unchecked();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unchecked();
        }
        if (response.statusCode() == 401) {
            throw new Refusal(Refusal.Kind.UNAUTHENTICATED, "LOGIN_EXPIRED", "Login expired", "登录已过期",
                    "central no longer accepts your token: log in again", "中央节点不再接受您的令牌，请重新登录");
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(response.body());
        } catch (JacksonException e) {
            throw unchecked();
        }
        if (response.statusCode() == 200 && body.hasNonNull("delegationId")) {
            return body.get("delegationId").asString();
        }
        Refusal.Kind kind = Problems.kind(response.statusCode()).filter(k -> !k.passes()).orElse(null);
        if (kind != null && body.hasNonNull("code")) {
            throw new Refusal(kind, body.get("code").asString(),
                    body.path("title").asString("Forbidden"), body.path("titleZh").asString("无权操作"),
                    body.path("detail").asString(""), body.path("detailZh").asString(""));
        }
        throw unchecked();
    }

    private static Refusal unchecked() {
        return new Refusal(Refusal.Kind.UNAVAILABLE, "DELEGATION_UNCHECKED", "Delegation not checked",
                "无法核验委托", "central could not be asked whether your delegation is in force; nothing was stored, "
                + "try again shortly", "暂时无法向中央节点核验委托，未保存任何数据，请稍后重试");
    }
}
