package org.singlewindow.node.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class LoginRateLimitFilterTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final LoginRateLimitFilter filter = new LoginRateLimitFilter(
            new RateLimitProperties(true, 50, 100, Map.of(), 0.1, 2, 1, 5, 60, 100), meters);

    @Test
    void login_attempts_beyond_the_burst_should_get_429_per_address_before_credentials_are_checked() throws Exception {
        assertThat(attempt("POST", "/login", "10.0.0.1").getStatus()).isEqualTo(200);
        assertThat(attempt("POST", "/oauth2/token", "10.0.0.1").getStatus()).isEqualTo(200);
        MockHttpServletResponse refused = attempt("POST", "/login", "10.0.0.1");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("10");
        assertThat(refused.getContentAsString()).contains("\"code\":\"RATE_LIMITED\"");
        assertThat(attempt("POST", "/login", "10.0.0.2").getStatus()).as("another address").isEqualTo(200);
        assertThat(attempt("GET", "/login", "10.0.0.1").getStatus()).as("the login page itself").isEqualTo(200);
        assertThat(attempt("POST", "/api/v1/declarations", "10.0.0.1").getStatus()).isEqualTo(200);
        assertThat(meters.counter("sw.edge.rate-limited").count()).isEqualTo(1);
    }

    private MockHttpServletResponse attempt(String method, String path, String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
