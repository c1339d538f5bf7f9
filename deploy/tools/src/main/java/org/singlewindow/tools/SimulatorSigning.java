package org.singlewindow.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.ExtensionFactory;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.extension.WireMockServices;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.security.Pem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes the ministry simulators sign and deliver like real agency systems: a WireMock extension that signs, with the
 * agency's SM2 key from the PKI directory, every JSON answer carrying receipts (and GACC's answer on a partner's
 * certificate) and every receipt posted back later ({@link RetriedReceipts}, retried until central acknowledges it)
 * ({@code X-SW-Signature}: detached CMS, SM3withSM2, over the canonical JSON, as {@link Pki#sign}). The agency is
 * the first path segment of the request ({@code /gacc/declarations} → GACC); its key is
 * {@code <pki>/agencies/<AGENCY>-key.pem} with {@code <AGENCY>.pem}. Standalone WireMock finds it on its classpath
 * (extension scanning, {@code META-INF/services}) and reads the directory from {@code -Dsw.sim.pki=<dir>}.
 */
public final class SimulatorSigning implements ExtensionFactory {

    static final String HEADER = "X-SW-Signature";

    private final Path pki;
    /** The simulated ministry's own clock (the signing time of what it signs). */
    private final Clock clock;
    private final Map<String, Signer> signers = new ConcurrentHashMap<>();

    private record Signer(PrivateKey key, X509Certificate certificate) {
    }

    public SimulatorSigning() {
        this(Path.of(System.getProperty("sw.sim.pki", "data/local/pki")));
    }

    public SimulatorSigning(Path pki) {
        this(pki, Clock.systemUTC());
    }

    public SimulatorSigning(Path pki, Clock clock) {
        this.pki = pki;
        this.clock = clock;
    }

    @Override
    public List<Extension> create(WireMockServices services) {
        return List.of(new SignedAnswers(), new RetriedReceipts(services.getTemplateEngine(), this::sign));
    }

    /** The signature of a JSON text by the agency the request went to; null when it has no key here. */
    String sign(ServeEvent event, String json) {
        String[] segments = event.getRequest().getUrl().split("[/?]");
        if (segments.length < 2 || segments[1].isEmpty()) {
            return null;
        }
        String agency = segments[1].toUpperCase(Locale.ROOT);
        Path key = pki.resolve("agencies/" + agency + "-key.pem");
        if (!Files.exists(key)) {
            return null;
        }
        Signer signer = signers.computeIfAbsent(agency, a -> {
            try {
                return new Signer(Pem.privateKey(Files.readString(key)),
                        Pem.certificate(Files.readString(pki.resolve("agencies/" + a + ".pem"))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return Pki.sign(signer.key(), signer.certificate(), json, clock.instant());
    }

    /**
     * What an agency signs when it answers: the answer with the request's ids, {@code {"answer", "declarationId",
     * "messageId"}} (central checks it against its own request, so an answer cannot be replayed for another).
     */
    static String answered(ServeEvent event, String body) {
        JsonNode request = Json.MAPPER.readTree(event.getRequest().getBodyAsString());
        ObjectNode signed = Json.MAPPER.createObjectNode();
        signed.set("answer", Json.MAPPER.readTree(body));
        signed.put("declarationId", request.path("declarationId").asString(""));
        signed.put("messageId", request.path("messageId").asString(""));
        return Json.MAPPER.writeValueAsString(signed);
    }

    /** Signs answers that carry receipts, and GACC's answers on partners' certificates. */
    private final class SignedAnswers implements ResponseTransformerV2 {

        @Override
        public Response transform(Response response, ServeEvent event) {
            if (response.getHeaders().getHeader(HEADER).isPresent()) {
                return response; // the stub signed it itself (tests of forged answers)
            }
            String body = response.getBody() == null ? "" : new String(response.getBody(), StandardCharsets.UTF_8);
            boolean answer = body.contains("\"receipts\"") || body.contains("\"decision\"") // a change's answer
                    || event.getRequest().getUrl().contains("/foreign-certificates"); // GACC on a partner's certificate
            String signature = answer ? sign(event, answered(event, body)) : null;
            if (signature == null) {
                return response;
            }
            return Response.Builder.like(response).but()
                    .headers(response.getHeaders().plus(new HttpHeader(HEADER, signature))).build();
        }

        @Override
        public String getName() {
            return "sw-signed-answers";
        }
    }
}
