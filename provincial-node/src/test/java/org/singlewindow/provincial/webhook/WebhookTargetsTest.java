package org.singlewindow.provincial.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookTargetsTest {

    @Test
    void private_loopback_link_local_and_other_non_public_addresses_should_be_refused() {
        for (String url : new String[]{"https://10.1.2.3/hook", "https://172.16.0.1/hook", "https://192.168.1.1/hook",
                "https://127.0.0.1/hook", "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/hook",
                "https://0.0.0.0/hook", "https://[::1]/hook", "https://[fe80::1]/hook", "https://[fd00::1]/hook",
                "https://224.0.0.1/hook", "https://localhost/hook"}) {
            assertThat(WebhookTargets.refusal(url, false)).as(url).contains("non-public");
        }
    }

    @Test
    void only_https_absolute_urls_without_credentials_should_be_taken() {
        assertThat(WebhookTargets.refusal("http://203.0.113.10/hook", false)).isEqualTo("an endpoint is https");
        assertThat(WebhookTargets.refusal("ftp://203.0.113.10/hook", false)).isEqualTo("an endpoint is https");
        assertThat(WebhookTargets.refusal("/relative", false)).contains("absolute");
        assertThat(WebhookTargets.refusal("https://user:pw@203.0.113.10/hook", false)).contains("user info");
        assertThat(WebhookTargets.refusal("not a url at all", false)).isNotNull();
        assertThat(WebhookTargets.refusal("https://203.0.113.10/hook", false)).isNull();
        assertThat(WebhookTargets.refusal("https://[2001:db8::10]/hook", false)).isNull();
    }

    @Test
    void the_local_profile_should_allow_loopback_alone_over_http() {
        assertThat(WebhookTargets.refusal("http://127.0.0.1:8699/hook", true)).isNull();
        assertThat(WebhookTargets.refusal("http://10.1.2.3/hook", true)).isEqualTo("an endpoint is https");
        assertThat(WebhookTargets.refusal("https://192.168.1.1/hook", true)).contains("non-public");
    }
}
