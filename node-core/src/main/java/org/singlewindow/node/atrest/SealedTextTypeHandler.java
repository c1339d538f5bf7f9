package org.singlewindow.node.atrest;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;
import org.apache.ibatis.type.MappedTypes;
import org.singlewindow.security.Sm4Gcm;

/**
 * Seals {@link SealedText} with SM4-GCM on the way into the database and opens it on the way out; rows declare
 * their document columns with that type, so nothing else is touched. A value stored in
 * clear (before encryption was switched on) reads as it is. Without a key (sw.at-rest unset) it stores text in clear.
 */
@MappedTypes(SealedText.class)
public class SealedTextTypeHandler extends BaseTypeHandler<SealedText> {

    /** Associated data of every sealed column value: binds it to this use. */
    static final String CONTEXT = "sw-document";

    private final Sm4Gcm cipher;

    public SealedTextTypeHandler(Sm4Gcm cipher) {
        this.cipher = cipher;
    }

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, SealedText value, JdbcType jdbcType)
            throws SQLException {
        ps.setString(i, cipher == null ? value.text() : cipher.seal(value.text(), CONTEXT));
    }

    @Override
    public SealedText getNullableResult(ResultSet rs, String column) throws SQLException {
        return open(rs.getString(column));
    }

    @Override
    public SealedText getNullableResult(ResultSet rs, int index) throws SQLException {
        return open(rs.getString(index));
    }

    @Override
    public SealedText getNullableResult(CallableStatement cs, int index) throws SQLException {
        return open(cs.getString(index));
    }

    private SealedText open(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(Sm4Gcm.PREFIX)) {
            return new SealedText(stored);
        }
        if (cipher == null) {
            throw new IllegalStateException("a sealed document was read but no sw.at-rest key is configured");
        }
        return new SealedText(cipher.open(stored, CONTEXT));
    }
}
