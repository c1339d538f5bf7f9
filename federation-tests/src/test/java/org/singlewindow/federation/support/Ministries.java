package org.singlewindow.federation.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.singlewindow.tools.SimulatorSigning;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The ministries the federation links to, one named WireMock each, loaded with the local federation's stubs
 * ({@code deploy/local/simulators/mappings}: its own, and the {@code all-} stubs every agency shares) and
 * signing their answers with the test PKI's agency keys; and what
 * they were sent.
 */
public final class Ministries {

    /** Each agency's simulator path, as in central-node-local.yml. */
    public static final Map<String, String> AGENCY_PATHS = Map.of("GACC", "/gacc/declarations",
            "MOFCOM", "/mofcom/licence-checks", "MSA", "/msa/reports", "NIA", "/nia/reports",
            "CCPIT", "/ccpit/certificates", "STA", "/sta/rebates", "SAFE", "/safe/reports", "BANK", "/bank/payments");

    private Ministries() {
    }

    /** A ministry simulator with its stubs, signing like the agency (its key in the test PKI). */
    static WireMockServer simulator(String prefix, Path pki) {
        WireMockServer server = new WireMockServer(options().port(Federation.freePort()).bindAddress("127.0.0.1")
                .asynchronousResponseEnabled(true).containerThreads(40).extensions(new SimulatorSigning(pki)));
        server.start();
        Path mappings = Path.of("..", "deploy", "local", "simulators", "mappings");
        try (Stream<Path> files = Files.list(mappings)) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith(prefix)
                    || p.getFileName().toString().startsWith("all-")).sorted().toList()) {
                String json = Files.readString(file).replaceAll("\"milliseconds\": \\d+",
                        "\"milliseconds\": " + Federation.SIM_DELAY_MS);
                server.addStubMapping(StubMapping.buildFrom(json));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }

    /** The calls a ministry simulator received for a declaration (its id anywhere in the body). */
    public static List<LoggedRequest> callsFor(WireMockServer ministry, String declarationId) {
        return ministry.findAll(WireMock.postRequestedFor(WireMock.anyUrl())
                .withRequestBody(WireMock.containing(declarationId)));
    }
}
