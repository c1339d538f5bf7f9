package org.singlewindow.federation.identity;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.federation.support.Federation;
import org.singlewindow.federation.support.Samples;
import org.singlewindow.federation.support.SharedFederation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.singlewindow.federation.support.Federation.SH;

/**
 * One client cannot hold event streams without limit: beyond {@link Federation#MAX_STREAMS} open streams it gets 429
 * {@code TOO_MANY_STREAMS} with {@code Retry-After}; once it goes away from one stream, the heartbeat notices and
 * it may open another.
 */
@ExtendWith(SharedFederation.class)
class EventStreamLimitTest {

    @Test
    void a_client_should_hold_only_so_many_event_streams_and_get_one_back_once_it_lets_one_go(Federation federation)
            throws Exception {
        var hold = federation.gacc.stubFor(WireMock.post(WireMock.urlPathEqualTo("/gacc/declarations")).atPriority(0)
                .withRequestBody(WireMock.matchingJsonPath("$.document.data.remarks", WireMock.containing("TEST:HOLD")))
                .willReturn(WireMock.okJson("{\"receipts\":[{\"status\":\"ACCEPTED\",\"code\":\"120\"}]}")));
        String token = federation.token("sh-acme");
        List<InputStream> open = new ArrayList<>();
        try {
            var accepted = federation.submit(SH, token, Samples.json(Samples.remarks(
                    Samples.declaration(Samples.ACME_SH), "TEST:HOLD")));
            String id = Json.MAPPER.readTree(accepted.body()).get("id").asString();
            for (int i = 0; i < Federation.MAX_STREAMS; i++) {
                HttpResponse<InputStream> stream = stream(federation, token, id);
                assertThat(stream.statusCode()).isEqualTo(200);
                open.add(stream.body());
            }
            HttpResponse<InputStream> refused = stream(federation, token, id);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(new String(refused.body().readAllBytes())).contains("TOO_MANY_STREAMS");

            open.remove(0).close();
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300)).until(() -> {
                HttpResponse<InputStream> again = stream(federation, token, id);
                if (again.statusCode() == 200) {
                    open.add(again.body());
                    return true;
                }
                again.body().close();
                return false;
            });
        } finally {
            for (InputStream stream : open) {
                stream.close();
            }
            federation.gacc.removeStub(hold);
        }
    }

    private static HttpResponse<InputStream> stream(Federation federation, String token, String id) throws Exception {
        return federation.http().send(HttpRequest.newBuilder(URI.create(federation.url(SH) + "/api/v1/declarations/"
                        + id + "/events")).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    }
}
