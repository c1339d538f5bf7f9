package org.singlewindow.central.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.singlewindow.central.agency.ReceiptSignatureMapper;
import org.singlewindow.central.delegation.DelegationMapper;
import org.singlewindow.central.enterprise.Enterprise;
import org.singlewindow.central.enterprise.EnterpriseMapper;
import org.singlewindow.central.enterprise.UserAccount;
import org.singlewindow.central.identity.SigningKeyMapper;
import org.singlewindow.central.identity.SigningKeyRow;
import org.singlewindow.central.requests.NonceMapper;
import org.singlewindow.node.persistence.MapperTestSetup;
import org.singlewindow.node.delegation.Delegation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What central's own mappers (enterprises and users, delegations, token-signing keys and authorizations) must do, on
 * every database the node supports, after the shared migrations. Subclasses choose the database; each test rolls
 * back.
 */
@MapperTestSetup
abstract class CentralMapperContract {

    static final Instant T0 = Instant.parse("2026-11-27T08:00:00.123Z");

    @Autowired
    DataSource dataSource;
    @Autowired
    EnterpriseMapper enterprises;
    @Autowired
    DelegationMapper delegations;
    @Autowired
    SigningKeyMapper signingKeys;
    @Autowired
    NonceMapper nonces;
    @Autowired
    ReceiptSignatureMapper receiptSignatures;

    @Test
    void enterprises_users_and_delegations_should_round_trip_and_revocation_should_happen_once() {
        Enterprise acme = new Enterprise("91310115MA1H7G0X0M", "上海某某进出口有限公司", "TRADER",
                "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n", "a".repeat(64), T0);
        enterprises.insert(acme);
        assertThat(enterprises.find(acme.uscc())).isEqualTo(acme);
        assertThat(enterprises.updateCertificate(acme.uscc(), "renewed", "b".repeat(64))).isEqualTo(1);
        assertThat(enterprises.find(acme.uscc()).certSha256()).isEqualTo("b".repeat(64));
        UserAccount user = new UserAccount("acme-1", "{bcrypt}$2a$10$x", "DECLARANT", acme.uscc(), null, null, true,
                T0, "enterprise:" + acme.uscc());
        enterprises.insertUser(user);
        assertThat(enterprises.findUser("acme-1")).isEqualTo(user);
        assertThat(enterprises.users(acme.uscc())).containsExactly(user);
        assertThatThrownBy(() -> enterprises.insertUser(user)).isInstanceOf(DuplicateKeyException.class);

        Delegation d = new Delegation("g-1", acme.uscc(), "91310115MA1K3BRK0B", "GOODS_DECLARATION,MANIFEST", T0,
                T0.plusSeconds(86_400), "MIIsig", T0, "acme-1", null, null);
        delegations.insert(d);
        assertThat(delegations.findById("g-1")).isEqualTo(d);
        assertThat(delegations.between(acme.uscc(), "91310115MA1K3BRK0B")).containsExactly(d);
        assertThat(delegations.between("91310115MA1K3BRK0B", acme.uscc())).isEmpty();
        assertThat(delegations.involving("91310115MA1K3BRK0B")).containsExactly(d);
        assertThat(delegations.revoke("g-1", T0.plusSeconds(60), "acme-1")).isEqualTo(1);
        assertThat(delegations.revoke("g-1", T0.plusSeconds(90), "acme-1")).isZero();
        assertThat(delegations.findById("g-1").revokedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void signing_keys_should_be_kept_sealed_in_signing_order_and_expired_authorizations_pruned() {
        var later = new SigningKeyRow("k-2",
                SigningKeyRow.seal("k-2", "{\"kid\":\"k-2\"}"), T0.plusSeconds(60), T0);
        signingKeys.insert(later);
        signingKeys.insert(new SigningKeyRow("k-1",
                SigningKeyRow.seal("k-1", "{\"kid\":\"k-1\"}"), T0, T0));
        assertThatThrownBy(() -> signingKeys.insert(later)).isInstanceOf(DuplicateKeyException.class);
        assertThat(signingKeys.all()).extracting(SigningKeyRow::kid)
                .containsExactly("k-1", "k-2");
        assertThat(signingKeys.all().get(1).jwk()).isEqualTo("{\"kid\":\"k-2\"}");
        assertThat(new JdbcTemplate(dataSource).queryForObject("select private_jwk from identity_signing_key "
                + "where kid = 'k-2'", String.class)).as("sealed at rest").doesNotContain("kid");
        assertThat(signingKeys.delete("k-1")).isEqualTo(1);

        JdbcTemplate raw = new JdbcTemplate(dataSource);
        String insert = "insert into oauth2_authorization (id, registered_client_id, principal_name, "
                + "authorization_grant_type, access_token_expires_at, refresh_token_expires_at) values (?, 'c', 'p', "
                + "'client_credentials', ?, ?)";
        java.sql.Timestamp old = java.sql.Timestamp.from(T0.minusSeconds(3600));
        raw.update(insert, "expired", old, null);
        raw.update(insert, "refreshable", old, java.sql.Timestamp.from(T0.plusSeconds(3600)));
        raw.update(insert, "valid", java.sql.Timestamp.from(T0.plusSeconds(60)), null);
        assertThat(signingKeys.deleteAuthorizationsExpiredBefore(T0, 10)).isEqualTo(1);
        assertThat(raw.queryForList("select id from oauth2_authorization order by id", String.class))
                .containsExactly("refreshable", "valid");
    }

    @Test
    void a_request_nonce_should_be_taken_once_per_purpose_and_forgotten_after_its_time() {
        nonces.insert("DELEGATION", "n-0123456789abcdef", T0);
        nonces.insert("CERTIFICATE_BINDING", "n-0123456789abcdef", T0);
        assertThatThrownBy(() -> nonces.insert("DELEGATION", "n-0123456789abcdef", T0.plusSeconds(1)))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(nonces.deleteUsedBefore(T0.plusSeconds(1), 10)).isEqualTo(2);
        nonces.insert("DELEGATION", "n-0123456789abcdef", T0.plusSeconds(2));
    }

    @Test
    void receipt_signatures_should_be_kept_once_per_receipt_and_agency() {
        receiptSignatures.insert("m-1:ACCEPTED", "GACC", "d-1", "{\"receipts\":[]}", "MIIsig", T0);
        assertThat(receiptSignatures.signatureOf("m-1:ACCEPTED", "GACC")).isEqualTo("MIIsig");
        assertThat(receiptSignatures.signatureOf("m-1:ACCEPTED", "MOFCOM")).isNull();
        assertThatThrownBy(() -> receiptSignatures.insert("m-1:ACCEPTED", "GACC", "d-1", "{}", "x", T0))
                .isInstanceOf(DuplicateKeyException.class);
    }
}
