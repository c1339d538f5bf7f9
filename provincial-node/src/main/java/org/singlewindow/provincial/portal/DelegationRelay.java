package org.singlewindow.provincial.portal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.refusal.Refusal;
import org.singlewindow.node.signature.DocumentSignatures;
import org.singlewindow.node.web.RequestBodies;
import org.singlewindow.provincial.ProvincialProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Delegation management from the portal: delegations are kept at central ({@code /api/v1/delegations}, "register
 * once, use nationwide"), so {@code /portal/delegations} relays a portal user's list, create (signed in the browser
 * with the enterprise's own key; the signature travels unchanged in {@code X-SW-Signature}) and revoke to central
 * with the user's own access token from its login, and hands central's answer back as it came (problems included).
 * Central decides everything; the province adds no rights and keeps nothing.
 */
@RestController
@RequestMapping(path = "/portal/delegations", produces = MediaType.APPLICATION_JSON_VALUE)
@ConditionalOnProperty(name = "sw.portal.enabled", havingValue = "true", matchIfMissing = true)
public class DelegationRelay {

    private final OAuth2AuthorizedClientRepository clients;
    private final NodeProperties node;
    private final URI delegations;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public DelegationRelay(OAuth2AuthorizedClientRepository clients, NodeProperties node,
                           ProvincialProperties provincial) {
        this.clients = clients;
        this.node = node;
        this.delegations = provincial.central().baseUrl().resolve("/api/v1/delegations");
    }

    @GetMapping
    public ResponseEntity<String> list(Authentication authentication, HttpServletRequest request) {
        return relay(authentication, request, HttpRequest.newBuilder(delegations).GET());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> create(Authentication authentication, HttpServletRequest request)
            throws IOException {
        byte[] body = RequestBodies.bytes(request, node.intake().maxBodySize());
        HttpRequest.Builder create = HttpRequest.newBuilder(delegations)
                .header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        String signature = request.getHeader(DocumentSignatures.HEADER);
        if (signature != null) {
            create.header(DocumentSignatures.HEADER, signature);
        }
        return relay(authentication, request, create);
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<String> revoke(@PathVariable String id, Authentication authentication,
                                         HttpServletRequest request) {
        return relay(authentication, request, HttpRequest.newBuilder(delegations.resolve(
                "delegations/" + URLEncoder.encode(id, StandardCharsets.UTF_8))).DELETE());
    }

    private ResponseEntity<String> relay(Authentication authentication, HttpServletRequest request,
                                         HttpRequest.Builder call) {
        if (!(authentication instanceof OAuth2AuthenticationToken login)) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "PORTAL_SESSION_ONLY", "Portal session only", "仅限门户会话",
                    "delegations are managed at central (/api/v1/delegations); this relay serves portal sessions",
                    "委托在中央节点管理（/api/v1/delegations）；此转发仅服务门户会话");
        }
        OAuth2AuthorizedClient client = clients.loadAuthorizedClient(login.getAuthorizedClientRegistrationId(),
                authentication, request);
        try {
            HttpResponse<String> answer = http.send(call.timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + client.getAccessToken().getTokenValue())
                    .header("Accept", MediaType.APPLICATION_JSON_VALUE).build(),
                    HttpResponse.BodyHandlers.ofString());
            return ResponseEntity.status(answer.statusCode())
                    .contentType(MediaType.parseMediaType(answer.headers().firstValue("Content-Type")
                            .orElse(MediaType.APPLICATION_JSON_VALUE)))
                    .body(answer.body());
        } catch (IOException e) {
            throw centralUnreachable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw centralUnreachable();
        }
    }

    private static Refusal centralUnreachable() {
        return new Refusal(Refusal.Kind.UNAVAILABLE, "CENTRAL_UNAVAILABLE", "Central unavailable",
                "中央节点不可用", "delegations are kept at central, which cannot be reached now: try again later",
                "委托保存在中央节点，目前无法连接，请稍后再试");
    }
}
