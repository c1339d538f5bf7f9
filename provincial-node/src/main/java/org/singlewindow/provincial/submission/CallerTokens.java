package org.singlewindow.provincial.submission;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The caller's own access token, for calls a node makes to central on the caller's behalf (token relay): the
 * bearer token of an API client, or the access token a portal user's login obtained from central.
 */
@Component
public class CallerTokens {

    private final ObjectProvider<OAuth2AuthorizedClientRepository> portalClients;

    public CallerTokens(ObjectProvider<OAuth2AuthorizedClientRepository> portalClients) {
        this.portalClients = portalClients;
    }

    /** The token, or null when the caller has none this node can relay. */
    public String of(Authentication authentication, HttpServletRequest request) {
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return jwt.getToken().getTokenValue();
        }
        OAuth2AuthorizedClientRepository repository = portalClients.getIfAvailable();
        if (authentication instanceof OAuth2AuthenticationToken login && repository != null) {
            OAuth2AuthorizedClient client = repository.loadAuthorizedClient(
                    login.getAuthorizedClientRegistrationId(), authentication, request);
            return client == null ? null : client.getAccessToken().getTokenValue();
        }
        return null;
    }
}
