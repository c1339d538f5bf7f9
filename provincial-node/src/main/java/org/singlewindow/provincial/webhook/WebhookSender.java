package org.singlewindow.provincial.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.singlewindow.node.transport.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers webhooks: at least once, in order per endpoint (an endpoint's next event waits for the one before it),
 * endpoints in parallel. An answer 2xx delivers; anything else (another status, a redirect, a timeout, a refused
 * connection, an address no longer public) is a failed attempt, tried again after a doubling wait
 * ({@link WebhookProperties#backoff}) until {@code give-up-after} has passed since the event (then FAILED, in the
 * log, and the endpoint's next event goes). After {@code pause-after} failed attempts in a row the endpoint is
 * paused until its enterprise resumes it. Everything is in the database, so a node killed in the middle sends
 * again what it had not recorded as delivered (the receiver drops repeats by event id). Woken after each commit that
 * queued a delivery, and by a poll.
 */
@Component
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final int BATCH = 50;

    private final WebhookMapper webhooks;
    private final WebhookSigner signer;
    private final WebhookProperties settings;
    private final Clock clock;
    private final HttpClient http;
    private final Semaphore signal = new Semaphore(0);
    private volatile ExecutorService pool;
    private volatile Thread thread;
    private volatile boolean running;

    public WebhookSender(WebhookMapper webhooks, WebhookSigner signer, WebhookProperties settings, Clock clock) {
        this.webhooks = webhooks;
        this.signer = signer;
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void wakeUp() {
        signal.release();
    }

    @Override
    public void start() {
        running = true;
        pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "webhook-delivery");
            t.setDaemon(true);
            return t;
        });
        thread = new Thread(this::loop, "webhook-sender");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                signal.tryAcquire(settings.poll().toMillis(), TimeUnit.MILLISECONDS);
                signal.drainPermits();
                List<Callable<Void>> work = new ArrayList<>();
                for (DeliveryRow delivery : webhooks.due(clock.instant(), BATCH)) {
                    work.add(() -> {
                        deliver(delivery);
                        return null;
                    });
                }
                if (!work.isEmpty()) {
                    pool.invokeAll(work);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("webhook pass failed, will retry: {}", e.toString());
            }
        }
    }

    void deliver(DeliveryRow delivery) {
        SubscriptionRow subscription = webhooks.findSubscription(delivery.subscriptionId());
        if (subscription == null || !"ACTIVE".equals(subscription.state())) {
            return;
        }
        if (subscription.forOwner() != null && !webhooks.grantCovers(subscription.forOwner(), subscription.owner(),
                delivery.declarationId())) {
            webhooks.failedAttempt(delivery.id(), null, "the grant it was made under is revoked", clock.instant(),
                    "FAILED"); // a revocation stops what was queued too
            return;
        }
        String refusal = WebhookTargets.refusal(subscription.url(), settings.allowLoopback());
        if (refusal != null) {
            failed(delivery, subscription, null, "endpoint refused: " + refusal);
            return;
        }
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(subscription.url()))
                .timeout(settings.responseTimeout()).header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signer.headers(subscription, delivery.eventId(), clock.instant().toString(), body).forEach(request::header);
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                in.readNBytes((int) settings.responseCap().toBytes()); // read no more than the cap, drop the rest
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                webhooks.delivered(delivery.id(), status, clock.instant());
                webhooks.countSuccess(subscription.id());
                log.info("webhook event {} of declaration {} delivered to subscription {} ({})", delivery.eventId(),
                        delivery.declarationId(), subscription.id(), status);
            } else {
                failed(delivery, subscription, status, "answered " + status);
            }
        } catch (IOException e) {
            failed(delivery, subscription, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void failed(DeliveryRow delivery, SubscriptionRow subscription, Integer status, String error) {
        int attempts = delivery.attempts() + 1;
        Instant now = clock.instant();
        Instant next = now.plus(settings.backoff(attempts));
        boolean giveUp = next.isAfter(delivery.createdAt().plus(settings.giveUpAfter()));
        webhooks.failedAttempt(delivery.id(), status, Failures.clip(error, 300), next, giveUp ? "FAILED" : "PENDING");
        webhooks.countFailure(subscription.id(), settings.pauseAfter(), Failures.clip("paused after "
                + settings.pauseAfter() + " failed attempts in a row; the last: " + error, 300));
        log.warn("webhook event {} of declaration {} to subscription {}: attempt {} failed ({}){}",
                delivery.eventId(), delivery.declarationId(), subscription.id(), attempts, error,
                giveUp ? "; given up" : "; next at " + next);
    }
}
