package org.singlewindow.federation.identity;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.singlewindow.federation.support.Federation;
import org.singlewindow.federation.support.SharedFederation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.singlewindow.federation.support.Federation.basic;

/**
 * Credentials cannot be guessed at speed on any path that takes them: HTTP Basic on the API, a client secret at the
 * token endpoint, client credentials at introspection. After five failures for one name, the next request with
 * that name gets 429 with Retry-After, before its credentials are checked.
 */
@ExtendWith(SharedFederation.class)
class CredentialGuessingTest {

    @Test
    void http_basic_on_the_api_should_be_held_after_five_failures(Federation federation) {
        String name = "guesser-" + UUID.randomUUID();
        assertHeldAfterFive(() -> federation.send(HttpRequest.newBuilder(URI.create(federation.centralUrl()
                + "/api/v1/ops/links")).header("Authorization", basic(name, "guess")).GET().build()));
    }

    @Test
    void client_secrets_at_the_token_endpoint_should_be_held_after_five_failures(Federation federation) {
        String client = "guess-client-" + UUID.randomUUID();
        assertHeldAfterFive(() -> federation.send(HttpRequest.newBuilder(URI.create(federation.centralUrl()
                        + "/oauth2/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + client
                        + "&client_secret=guess")).build()));
    }

    @Test
    void client_credentials_at_introspection_should_be_held_after_five_failures(Federation federation) {
        String client = "guess-introspect-" + UUID.randomUUID();
        String token = federation.token("sh-acme");
        assertHeldAfterFive(() -> federation.send(HttpRequest.newBuilder(URI.create(federation.centralUrl()
                        + "/oauth2/introspect")).header("Authorization", basic(client, "guess"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token)).build()));
    }

    private static void assertHeldAfterFive(Supplier<HttpResponse<String>> attempt) {
        for (int i = 0; i < 5; i++) {
            assertThat(attempt.get().statusCode()).as("failure %d", i + 1).isEqualTo(401);
        }
        HttpResponse<String> held = attempt.get();
        assertThat(held.statusCode()).as(held.body()).isEqualTo(429);
        assertThat(held.headers().firstValue("Retry-After")).isPresent();
        assertThat(held.body()).contains("RATE_LIMITED");
    }

}
