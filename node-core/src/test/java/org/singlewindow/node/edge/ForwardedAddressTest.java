package org.singlewindow.node.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whose address a node sees, with the nodes' own settings ({@code sw-node-defaults.yml}) on a real Tomcat: the
 * per-address limits count it. A caller cannot name another address, scheme or host in {@code X-Forwarded-*}
 * unless it connects from an address {@code SW_TRUSTED_PROXIES} matches (a gateway, an ingress controller); from
 * such a proxy, the caller it names is the one counted.
 */
class ForwardedAddressTest {

    @Test
    void by_default_a_caller_should_not_name_another_address() throws Exception {
        assertThat(seen()).isEqualTo("127.0.0.1 http 127.0.0.1");
    }

    @Test
    void behind_a_trusted_proxy_the_caller_it_names_should_count() throws Exception {
        assertThat(seen("--SW_TRUSTED_PROXIES=127\\.0\\.0\\.1")).isEqualTo("203.0.113.7 https central.example");
    }

    @Test
    void a_proxy_not_matching_should_not_be_believed() throws Exception {
        assertThat(seen("--SW_TRUSTED_PROXIES=10\\.1\\.2\\.3")).isEqualTo("127.0.0.1 http 127.0.0.1");
    }

    /** What a node started with {@code args} sees of a request claiming to come through a proxy. */
    private static String seen(String... args) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--spring.config.import=classpath:sw-node-defaults.yml",
                "--sw.code=test", "--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off"));
        arguments.addAll(List.of(args));
        String[] all = arguments.toArray(String[]::new);
        try (ConfigurableApplicationContext node = SpringApplication.run(Node.class, all)) {
            String port = node.getEnvironment().getProperty("local.server.port");
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/who")).header("X-Forwarded-For", "203.0.113.7").header("X-Forwarded-Proto", "https")
                    .header("X-Forwarded-Host", "central.example").build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        }
    }

    /** A web node with nothing but the servlet container, Spring MVC and an echo of what it sees. */
    @SpringBootConfiguration
    @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class})
    @Import(Echo.class)
    static class Node {
    }

    @RestController
    static class Echo {
        @GetMapping("/who")
        String who(HttpServletRequest request) {
            return request.getRemoteAddr() + " " + request.getScheme() + " " + request.getServerName();
        }
    }
}
