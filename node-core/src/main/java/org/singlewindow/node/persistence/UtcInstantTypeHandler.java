package org.singlewindow.node.persistence;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;
import org.apache.ibatis.type.MappedTypes;

/** {@link Instant} ⇄ UTC {@code datetime(3)}, written as {@code yyyy-MM-dd HH:mm:ss.SSS} text. */
@MappedTypes(Instant.class)
public class UtcInstantTypeHandler extends BaseTypeHandler<Instant> {

    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, Instant value, JdbcType jdbcType)
            throws SQLException {
        ps.setString(i, TEXT.format(value));
    }

    @Override
    public Instant getNullableResult(ResultSet rs, String column) throws SQLException {
        return toInstant(rs.getObject(column, LocalDateTime.class));
    }

    @Override
    public Instant getNullableResult(ResultSet rs, int index) throws SQLException {
        return toInstant(rs.getObject(index, LocalDateTime.class));
    }

    @Override
    public Instant getNullableResult(CallableStatement cs, int index) throws SQLException {
        return toInstant(cs.getObject(index, LocalDateTime.class));
    }

    private static Instant toInstant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
