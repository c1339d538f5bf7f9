package org.singlewindow.international;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sw.as4.*}: central's AS4 identity and its partners (central only; off unless {@code enabled}).
 *
 * @param enabled     run the gateway ({@code POST /as4} and the senders)
 * @param partyId     our party id in {@code eb:PartyInfo} (type {@link Ebms#PARTY_TYPE})
 * @param keyStore    PKCS#12 file with our RSA signing and decryption key and its certificate
 * @param keyStorePassword its password (also the key's)
 * @param keyAlias    the key's alias in it
 * @param pmodes      the processing modes (YAML, {@link PModes})
 * @param partners    each partner window by its party id
 * @param retry       reception awareness: how often and how long a user message is sent again without a receipt
 * @param handover    the link to GACC for partners' certificates
 */
@ConfigurationProperties("sw.as4")
public record As4Properties(@DefaultValue("false") boolean enabled, @DefaultValue("CN-EPORT") String partyId,
                            Path keyStore, String keyStorePassword, @DefaultValue("as4") String keyAlias,
                            @DefaultValue("classpath:as4/pmodes.yaml") String pmodes,
                            @DefaultValue Map<String, Partner> partners, @DefaultValue Retry retry,
                            @DefaultValue Handover handover) {

    /**
     * A partner window.
     *
     * @param endpoint    its AS4 endpoint
     * @param certificate its RSA certificate (PEM): verifies its signatures, encrypts what we send it
     * @param countries   the importing countries it serves (ISO 3166 alpha-3)
     */
    public record Partner(URI endpoint, Path certificate, @DefaultValue List<String> countries) {
    }

    /**
     * @param maxAttempts how many times a user message is sent before it is FAILED
     * @param firstDelay  the wait after the first failed attempt, doubled after each, up to {@code maxDelay}
     * @param maxDelay    the longest wait
     * @param interval    how often due messages are looked for
     * @param timeout     how long one attempt waits for the receipt
     */
    public record Retry(@DefaultValue("8") int maxAttempts, @DefaultValue("2s") Duration firstDelay,
                        @DefaultValue("5m") Duration maxDelay, @DefaultValue("1s") Duration interval,
                        @DefaultValue("30s") Duration timeout) {

        /** The wait after the {@code attempts}-th failed attempt: {@code firstDelay}, doubling, at most {@code maxDelay}. */
        public Duration after(int attempts) {
            Duration wait = firstDelay.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
            return wait.compareTo(maxDelay) > 0 ? maxDelay : wait;
        }
    }

    /**
     * @param url      GACC's endpoint for partners' certificates (default: {@code foreign-certificates} beside
     *                 {@code sw.agencies.GACC.url})
     * @param interval how often received certificates are handed over
     */
    public record Handover(URI url, @DefaultValue("1s") Duration interval) {
    }
}
