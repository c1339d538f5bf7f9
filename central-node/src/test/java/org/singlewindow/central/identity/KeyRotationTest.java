package org.singlewindow.central.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class KeyRotationTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private final KeyRotation rotation = new KeyRotation(Duration.ofDays(30), Duration.ofHours(1),
            Duration.ofHours(1));

    @Test
    void with_no_key_a_key_should_be_made_to_sign_at_once() {
        assertThat(rotation.newKeyDue(List.of(), T0)).isTrue();
        assertThat(rotation.startOfNewKey(List.of(), T0)).isEqualTo(T0);
    }

    @Test
    void a_young_key_should_sign_and_no_new_one_be_due() {
        var a = new KeyRotation.Key("a", T0);
        assertThat(rotation.signing(List.of(a), T0.plusSeconds(60))).contains(a);
        assertThat(rotation.newKeyDue(List.of(a), T0.plus(Duration.ofDays(29)))).isFalse();
    }

    @Test
    void an_old_key_should_be_followed_by_one_published_ahead_of_signing() {
        var a = new KeyRotation.Key("a", T0);
        Instant later = T0.plus(Duration.ofDays(30));
        assertThat(rotation.newKeyDue(List.of(a), later)).isTrue();
        var b = new KeyRotation.Key("b", rotation.startOfNewKey(List.of(a), later));
        assertThat(b.signsFrom()).isEqualTo(later.plus(Duration.ofHours(1)));
        assertThat(rotation.signing(List.of(a, b), later.plusSeconds(1))).as("published, not yet signing").contains(a);
        assertThat(rotation.newKeyDue(List.of(a, b), later.plusSeconds(1))).as("one waits already").isFalse();
        assertThat(rotation.signing(List.of(a, b), b.signsFrom())).contains(b);
    }

    @Test
    void a_superseded_key_should_be_kept_until_its_tokens_have_expired() {
        var a = new KeyRotation.Key("a", T0);
        var b = new KeyRotation.Key("b", T0.plus(Duration.ofDays(30)));
        assertThat(rotation.retired(List.of(a, b), b.signsFrom().plus(Duration.ofHours(1)))).isEmpty();
        assertThat(rotation.retired(List.of(a, b), b.signsFrom().plus(Duration.ofHours(2)).plusSeconds(1)))
                .containsExactly(a);
        assertThat(rotation.retired(List.of(b), b.signsFrom().plus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    void two_keys_made_at_once_by_two_instances_should_give_one_signing_key_everywhere() {
        var a = new KeyRotation.Key("a", T0);
        var x = new KeyRotation.Key("x", T0.plus(Duration.ofDays(31)));
        var y = new KeyRotation.Key("y", T0.plus(Duration.ofDays(31)));
        Instant after = x.signsFrom().plusSeconds(1);
        assertThat(rotation.signing(List.of(a, x, y), after)).contains(y);
        assertThat(rotation.signing(List.of(y, x, a), after)).contains(y);
        assertThat(rotation.retired(List.of(a, x, y), after.plus(Duration.ofHours(3)))).containsExactly(a, x);
    }
}
