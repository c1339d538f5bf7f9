package org.singlewindow.federation.support;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser for the tests: keeps cookies, follows redirects itself (so each hop can be checked), and fills in
 * central's login form (with its CSRF token) when sent there.
 */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    /** Every URL visited, in order. */
    public final List<String> visited = new ArrayList<>();

    /**
     * Opens {@code url} and follows redirects, logging in as {@code username} on central's login page when sent
     * there; stops at the first answer that is not a redirect, or at a redirect to a URL starting with
     * {@code stopAt} (then {@link #visited} ends with that URL).
     */
    public HttpResponse<String> browse(String url, String username, String password, String stopAt) {
        String at = url;
        for (int hop = 0; hop < 20; hop++) {
            HttpResponse<String> response = get(at);
            if (response.statusCode() / 100 != 3) {
                return response;
            }
            String next = URI.create(at).resolve(response.headers().firstValue("Location").orElseThrow()).toString();
            if (stopAt != null && next.startsWith(stopAt)) {
                visited.add(next);
                return response;
            }
            if (URI.create(next).getPath().equals("/login")) {
                HttpResponse<String> page = get(next);
                Matcher csrf = CSRF.matcher(page.body());
                if (!csrf.find()) {
                    throw new IllegalStateException("no CSRF token on the login page: " + page.body());
                }
                Map<String, String> form = new LinkedHashMap<>();
                form.put("username", username);
                form.put("password", password);
                form.put("_csrf", csrf.group(1));
                HttpResponse<String> posted = post(next, "application/x-www-form-urlencoded", form(form), Map.of());
                next = URI.create(next).resolve(posted.headers().firstValue("Location").orElseThrow()).toString();
                if (next.contains("/login?error")) {
                    visited.add(next);
                    return posted;
                }
            }
            at = next;
        }
        throw new IllegalStateException("too many redirects from " + url);
    }

    public HttpResponse<String> get(String url) {
        visited.add(url);
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").GET().build());
    }

    public HttpResponse<String> post(String url, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** The query parameters of a URL. */
    public static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
