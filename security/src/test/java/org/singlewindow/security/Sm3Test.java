package org.singlewindow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class Sm3Test {

    @Test
    void sm3_should_match_the_standards_example() {
        // GB/T 32905-2016, Appendix A example 1: SM3("abc")
        assertThat(Sm3.hex("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    static String sm3OfChainFields(AuditRecord r) {
        return AuditChain.hash(r.seq(), r.at(), r.node(), r.actor(), r.action(), r.subject(), r.detail(), r.prevHash());
    }
}
