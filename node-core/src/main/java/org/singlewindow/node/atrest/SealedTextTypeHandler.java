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
 * Seals {@link SealedText} with SM4-GCM, bound to its row, on the way into the database, and hands it back sealed
 * on the way out, for the row's owner to open; rows declare their document columns with that type, so nothing else
 * is touched. A value stored in clear (before encryption was switched on) reads as it is. Without a key
 * ({@code sw.at-rest} unset) it stores text in clear.
 */
@MappedTypes(SealedText.class)
public class SealedTextTypeHandler extends BaseTypeHandler<SealedText> {

    private final Sm4Gcm cipher;

    public SealedTextTypeHandler(Sm4Gcm cipher) {
        this.cipher = cipher;
    }

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, SealedText value, JdbcType jdbcType)
            throws SQLException {
        ps.setString(i, value.storedForm(cipher));
    }

    @Override
    public SealedText getNullableResult(ResultSet rs, String column) throws SQLException {
        return read(rs.getString(column));
    }

    @Override
    public SealedText getNullableResult(ResultSet rs, int index) throws SQLException {
        return read(rs.getString(index));
    }

    @Override
    public SealedText getNullableResult(CallableStatement cs, int index) throws SQLException {
        return read(cs.getString(index));
    }

    private SealedText read(String stored) {
        return stored == null ? null : SealedText.read(stored, cipher);
    }
}
