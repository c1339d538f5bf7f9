package org.singlewindow.tools;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import com.github.tomakehurst.wiremock.common.Metadata;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.extension.responsetemplating.TemplateEngine;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A ministry simulator posting a later receipt as agency systems must: again and again until central acknowledges
 * it. WireMock's own webhook sends once, so a receipt posted while central was down (or killed) was lost; this
 * listener ({@value #NAME}, with the webhook's parameters: {@code url}, {@code headers}, {@code body} as
 * templates over {@code originalRequest}, {@code delay.milliseconds}) signs the rendered body with the agency's key
 * and retries with backoff (250 ms doubling up to 5 s, for up to an hour) until central answers 2xx; a 4xx other
 * than 408 or 429 is a refusal and ends the attempts. Central applies a receipt id once, so a repeat is harmless.
 */
final class RetriedReceipts implements ServeEventListener {

    static final String NAME = "sw-receipt";
    private static final Duration GIVE_UP_AFTER = Duration.ofHours(1);
    private static final ScheduledExecutorService SCHEDULER = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "sim-receipts");
        t.setDaemon(true);
        return t;
    });

    private final TemplateEngine templates;
    private final BiFunction<ServeEvent, String, String> signer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    RetriedReceipts(TemplateEngine templates, BiFunction<ServeEvent, String, String> signer) {
        this.templates = templates;
        this.signer = signer;
    }

    @Override
    public String getName() {
        return NAME;
    }

    /** Only for the stubs that name it. */
    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public void afterComplete(ServeEvent event, Parameters parameters) {
        Map<String, Object> model = new HashMap<>(templates.buildModelForRequest(event));
        model.put("parameters", parameters);
        model.put("originalRequest", model.remove("request"));
        String url = render(parameters.getString("url"), model);
        String body = render(parameters.getString("body"), model);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (parameters.containsKey("headers")) {
            parameters.getMetadata("headers").forEach((name, value) ->
                    request.header(name, render(String.valueOf(value), model)));
        }
        String signature = signer.apply(event, body);
        if (signature != null) {
            request.header(SimulatorSigning.HEADER, signature);
        }
        long delay = parameters.containsKey("delay") ? delayOf(parameters.getMetadata("delay")) : 0;
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        SCHEDULER.schedule(() -> attempt(request.build(), 250, deadline), delay, TimeUnit.MILLISECONDS);
    }

    private void attempt(HttpRequest request, long backoffMs, long deadline) {
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        boolean done = status >= 200 && status < 300
                || status >= 400 && status < 500 && status != 408 && status != 429;
        if (!done && System.nanoTime() < deadline) {
            SCHEDULER.schedule(() -> attempt(request, Math.min(backoffMs * 2, 5_000), deadline), backoffMs,
                    TimeUnit.MILLISECONDS);
        }
    }

    private String render(String template, Map<String, Object> model) {
        return templates.getUncachedTemplate(template).apply(model);
    }

    private static long delayOf(Metadata delay) {
        return delay.containsKey("milliseconds") ? delay.getInt("milliseconds") : 0;
    }
}
