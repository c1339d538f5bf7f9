package org.singlewindow.central;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What only central is configured with, under {@code sw.*} beside the kernel's {@code NodeProperties}: its
 * ministry links, the provinces it serves, and token issuing. A province with any of it set refuses to start
 * ({@code ProvincialRole}).
 *
 * @param agencies  ministry links, by agency code
 * @param provinces the provinces central serves, by province code: their broker credentials
 * @param identity  token issuing: signing keys, registered clients, provincial portals
 */
@ConfigurationProperties("sw")
public record CentralProperties(Map<String, Agency> agencies, Map<String, Province> provinces,
                                @DefaultValue Identity identity) {

    public CentralProperties {
        agencies = agencies == null ? Map.of() : Map.copyOf(agencies);
        provinces = provinces == null ? Map.of() : Map.copyOf(provinces);
    }

    /**
     * A ministry link.
     *
     * @param url           endpoint the link posts requests to
     * @param timeout       connect and response timeout
     * @param retryMaxDelay ceiling of the backoff while the ministry is unreachable (default
     *                      {@code sw.redelivery.retry-max-delay})
     */
    public record Agency(URI url, @DefaultValue("10s") Duration timeout, Duration retryMaxDelay) {
    }

    /**
     * A province central serves: it may write to central's intake and read only its own results on central's broker.
     *
     * @param brokerPassword the password of broker user {@code province-<code>} on central's broker (the province
     *                       sets the same in {@code sw.central.broker-password})
     */
    public record Province(String brokerPassword) {
    }

    /**
     * Token issuing (central is the federation's authorization server; every node validates with
     * {@code sw.identity.issuer} and {@code sw.identity.jwks-max-stale}, the kernel's settings).
     *
     * @param signingKeyFile  PEM file with an RSA key to sign tokens with, taken into the database as the first
     *                        signing key when the database has none (then no longer read); without it, the first
     *                        key is made in the database
     * @param tokenTtl        lifetime of issued tokens
     * @param clients         registered clients
     * @param portals         the provincial portals allowed to log users in through central, by province code
     * @param keyRotation     how long a signing key signs before the next one is made
     * @param keyPublishAhead how long a new key is published before it signs (the rotation overlap)
     */
    public record Identity(Path signingKeyFile,
                           @DefaultValue("1h") Duration tokenTtl,
                           List<Client> clients,
                           Map<String, PortalClient> portals,
                           @DefaultValue("30d") Duration keyRotation,
                           @DefaultValue("1h") Duration keyPublishAhead) {

        public Identity {
            clients = clients == null ? List.of() : List.copyOf(clients);
            portals = portals == null ? Map.of() : Map.copyOf(portals);
        }
    }

    /**
     * A provincial portal as central registers it: OAuth2 client {@code portal-<province>}, authorization code with
     * PKCE required, redirect URI {@code <base-url>/login/oauth2/code/central}.
     *
     * @param secret  client secret in Spring's encoded form ({@code {noop}} for dev only)
     * @param baseUrl the portal's public base URL
     * @param name    the window's name, which its users' login page at central carries, e.g.
     *                "中国（上海）国际贸易单一窗口" (unset: the federation's name with the province code)
     */
    public record PortalClient(String secret, URI baseUrl, String name) {

        /** The name shown for the window of province {@code code}. */
        public String nameOr(String code) {
            return name == null || name.isBlank() ? "中国国际贸易单一窗口（" + code + "）" : name;
        }
    }

    /**
     * A registered OAuth2 client.
     *
     * @param clientId client id
     * @param secret   secret in Spring's encoded form, e.g. {@code {bcrypt}...} ({@code {noop}} for dev only)
     * @param roles    DECLARANT, AGENCY, NODE_OPERATOR, CENTRAL_OPERATOR
     * @param uscc     the enterprise a declarant client is bound to
     * @param agency   the agency an agency client speaks for
     * @param province the province a node operator client operates
     */
    public record Client(String clientId, String secret, List<String> roles, String uscc, String agency,
                         String province) {

        public Client {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
