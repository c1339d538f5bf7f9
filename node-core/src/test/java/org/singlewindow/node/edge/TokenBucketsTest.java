package org.singlewindow.node.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void a_client_should_get_its_burst_then_wait_for_refill_and_others_are_unaffected() {
        TokenBuckets buckets = new TokenBuckets();
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("a", 2, 3, 0)).isZero();
        }
        assertThat(buckets.take("a", 2, 3, 0)).isEqualTo(SECOND / 2);
        assertThat(buckets.take("b", 2, 3, 0)).isZero();
        assertThat(buckets.take("a", 2, 3, SECOND / 4)).isEqualTo(SECOND / 4);
        assertThat(buckets.take("a", 2, 3, SECOND / 2)).isZero();
        assertThat(buckets.take("a", 2, 3, SECOND / 2)).isPositive();
    }

    @Test
    void an_idle_bucket_should_refill_only_up_to_its_burst() {
        TokenBuckets buckets = new TokenBuckets();
        assertThat(buckets.take("a", 1, 2, 0)).isZero();
        long later = 3600 * SECOND;
        assertThat(buckets.take("a", 1, 2, later)).isZero();
        assertThat(buckets.take("a", 1, 2, later)).isZero();
        assertThat(buckets.take("a", 1, 2, later)).isEqualTo(SECOND);
    }
}
