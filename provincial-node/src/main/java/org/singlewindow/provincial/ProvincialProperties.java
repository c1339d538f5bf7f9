package org.singlewindow.provincial;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What only a province is configured with, under {@code sw.*} beside the kernel's {@code NodeProperties}: its link
 * to central and its portal's login through central. Central refuses to start with either set ({@code CentralRole}).
 *
 * @param central how this province reaches central (broker and HTTP)
 * @param portal  portal login through central
 * @param drafts  drafts kept at this province
 */
@ConfigurationProperties("sw")
public record ProvincialProperties(@DefaultValue Central central, @DefaultValue Portal portal,
                                   @DefaultValue Drafts drafts) {

    /**
     * Drafts (issue 28).
     *
     * @param maxPerEnterprise the most drafts one enterprise keeps at once (409 {@code DRAFT_LIMIT} beyond)
     * @param maxImportSize    the largest CSV or XLSX table of goods items taken into a draft (413 beyond)
     */
    public record Drafts(@DefaultValue("200") int maxPerEnterprise,
                         @DefaultValue("1MB") org.springframework.util.unit.DataSize maxImportSize) {
    }

    /**
     * The link from a provincial node up to central.
     *
     * @param brokerUrl          central's broker, e.g. {@code tcp://127.0.0.1:61600}
     * @param baseUrl            central's HTTP base URL (token issuer and public keys)
     * @param retryDelay         first delay between attempts while central is unreachable
     * @param retryMaxDelay      longest delay between attempts
     * @param brokerUser         this province's user on central's broker (default {@code province-<code>})
     * @param brokerPassword     its password (central has the same in {@code sw.provinces.<code>.broker-password})
     * @param trustStore         PKCS#12 trust store with central's broker certificate (or its CA): the link uses TLS
     *                           and checks central's host name; empty: plain TCP
     * @param trustStorePassword its password
     * @param requireTls         refuse to start without TLS on this link (on in the {@code prod} profile)
     */
    public record Central(@DefaultValue("") String brokerUrl, @DefaultValue("http://127.0.0.1:8600") URI baseUrl,
                          @DefaultValue("500ms") Duration retryDelay, @DefaultValue("5s") Duration retryMaxDelay,
                          String brokerUser, String brokerPassword, String trustStore, String trustStorePassword,
                          @DefaultValue("false") boolean requireTls) {
    }

    /**
     * Portal login at a provincial node: users log in at central (OpenID Connect, authorization code + PKCE) and
     * come back with a session; their declarations are then reachable with that session too.
     *
     * @param enabled  on provincial nodes by default
     * @param clientId this portal's client id at central (default {@code portal-<code>})
     * @param secret   its secret, as given to central (raw)
     * @param recheck  how often a portal session is checked with central (its user still enabled, its token still
     *                 valid); a session whose token expired or whose user was disabled ends with 401
     */
    public record Portal(@DefaultValue("true") boolean enabled, String clientId, String secret,
                         @DefaultValue("60s") Duration recheck) {
    }
}
