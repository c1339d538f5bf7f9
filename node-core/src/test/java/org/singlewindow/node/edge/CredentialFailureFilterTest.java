package org.singlewindow.node.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CredentialFailureFilterTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    /** 2 failures per name, 4 per address, refilling too slowly to matter within a test. */
    private final CredentialFailureFilter filter = new CredentialFailureFilter(
            new RateLimitProperties(true, 50, 100, Map.of(), 2, 20, 0.001, 2, 0.001, 4), meters);

    @Test
    void a_name_whose_credentials_failed_too_often_should_get_429_before_anything_is_checked() throws Exception {
        assertThat(basic("alice", "wrong", "10.0.0.1", 401).getStatus()).isEqualTo(401);
        assertThat(basic("alice", "wrong", "10.0.0.2", 401).getStatus()).isEqualTo(401);
        MockHttpServletResponse locked = basic("alice", "right", "10.0.0.3", 200);
        assertThat(locked.getStatus()).as("locked out, even with the right password").isEqualTo(429);
        assertThat(locked.getHeader("Retry-After")).isNotBlank();
        assertThat(basic("bob", "right", "10.0.0.1", 200).getStatus()).isEqualTo(200);
        assertThat(basic("bob", "right", "10.0.0.1", 200).getStatus()).as("successes cost nothing").isEqualTo(200);
    }

    @Test
    void an_address_trying_many_names_should_be_held_too_and_a_login_error_redirect_should_count() throws Exception {
        for (String name : new String[]{"n1", "n2", "n3"}) {
            assertThat(basic(name, "wrong", "10.9.9.9", 401).getStatus()).isEqualTo(401);
        }
        MockHttpServletRequest login = new MockHttpServletRequest("POST", "/login");
        login.setRemoteAddr("10.9.9.9");
        login.setParameter("username", "n4");
        MockHttpServletResponse redirected = new MockHttpServletResponse();
        filter.doFilter(login, redirected, (request, response) ->
                ((HttpServletResponse) response).sendRedirect("/login?error"));
        assertThat(basic("n5", "any", "10.9.9.9", 200).getStatus()).as("the address spent its 4 failures")
                .isEqualTo(429);
        assertThat(basic("n5", "any", "10.9.9.8", 200).getStatus()).isEqualTo(200);

        MockHttpServletRequest again = new MockHttpServletRequest("POST", "/login");
        again.setRemoteAddr("10.9.9.9");
        again.setParameter("username", "n6");
        MockHttpServletResponse held = new MockHttpServletResponse();
        filter.doFilter(again, held, (request, response) -> {
            throw new AssertionError("a held login is not tried");
        });
        assertThat(held.getRedirectedUrl()).as("a person at the login page is told there")
                .isEqualTo("/login?error=throttled");
        assertThat(held.getHeader("Retry-After")).isNotNull();
    }

    @Test
    void an_event_stream_should_be_left_to_the_thread_that_writes_it() throws Exception {
        MockHttpServletRequest stream = new MockHttpServletRequest("GET", "/api/v1/declarations/d-1/events");
        stream.setAsyncSupported(true);
        stream.addHeader("Authorization", "Bearer token");
        HttpServletResponse owned = org.mockito.Mockito.mock(HttpServletResponse.class);
        filter.doFilter(stream, owned, (request, response) -> request.startAsync());
        org.mockito.Mockito.verifyNoInteractions(owned);
    }

    @Test
    void a_client_id_in_the_body_of_a_token_request_should_be_the_name() {
        MockHttpServletRequest token = new MockHttpServletRequest("POST", "/oauth2/token");
        token.setParameter("client_id", "Guess-Client");
        assertThat(CredentialFailureFilter.presentedName(token)).isEqualTo("name:guess-client");
    }

    private MockHttpServletResponse basic(String user, String password, String address, int outcome) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/declarations");
        request.setRemoteAddr(address);
        request.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8)));
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> ((HttpServletResponse) res).setStatus(outcome));
        return response;
    }
}
