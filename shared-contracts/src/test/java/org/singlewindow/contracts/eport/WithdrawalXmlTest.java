package org.singlewindow.contracts.eport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.singlewindow.contracts.exchange.ChangeRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WithdrawalXmlTest {

    private static final String ID = "6c0c3ae8-0d6c-4eb0-8d25-8a3ea29ed2b1";
    private static final String BARE = "<DecWithdrawal xmlns=\"urn:singlewindow:dec-withdrawal:1\"><SeqNo> " + ID
            + " </SeqNo><ReasonCode>05</ReasonCode><ReasonText>交易取消</ReasonText></DecWithdrawal>";

    @Test
    void a_withdrawal_should_read_into_what_a_json_withdrawal_signs() {
        WithdrawalXml.Read read = WithdrawalXml.read(BARE.getBytes(StandardCharsets.UTF_8));
        assertThat(read.content()).isEqualTo(ChangeRequest.cancellation(ID, "05", "交易取消"));
        assertThat(read.declarationId()).isEqualTo(ID);
        assertThat(read.enveloped()).isFalse();
        assertThat(WithdrawalXml.isWithdrawal(read.message())).isTrue();
    }

    @Test
    void a_withdrawal_carried_by_a_dxpmsg_should_read_the_same() {
        String dxp = "<DxpMsg xmlns=\"http://www.chinaport.gov.cn/dxp\" ver=\"1.0\"><TransInfo><MsgType>DecWithdrawal"
                + "</MsgType></TransInfo><Data>" + Base64.getEncoder().encodeToString(BARE.getBytes(
                StandardCharsets.UTF_8)) + "</Data></DxpMsg>";
        WithdrawalXml.Read read = WithdrawalXml.read(dxp.getBytes(StandardCharsets.UTF_8));
        assertThat(read.content()).isEqualTo(ChangeRequest.cancellation(ID, "05", "交易取消"));
        assertThat(new String(read.message(), StandardCharsets.UTF_8)).isEqualTo(BARE);
    }

    @Test
    void an_element_a_withdrawal_does_not_have_should_be_refused_by_its_path() {
        String extra = BARE.replace("<ReasonCode>", "<EntryId>1</EntryId><ReasonCode>");
        assertThatThrownBy(() -> WithdrawalXml.read(extra.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(XmlRejected.class, e -> assertThat(e.problems())
                        .extracting(v -> v.path()).containsExactly("/DecWithdrawal/EntryId"));
    }

    @Test
    void a_decmessage_should_not_pass_for_a_withdrawal() {
        byte[] dec = "<DecMessage><DecHead/></DecMessage>".getBytes(StandardCharsets.UTF_8);
        assertThat(WithdrawalXml.isWithdrawal(dec)).isFalse();
        assertThatThrownBy(() -> WithdrawalXml.read(dec)).isInstanceOfSatisfying(XmlRejected.class,
                e -> assertThat(e.problems().get(0).path()).isEqualTo("/DecMessage"));
    }
}
