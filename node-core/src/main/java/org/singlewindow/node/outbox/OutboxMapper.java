package org.singlewindow.node.outbox;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The {@code outbox} table. */
@Mapper
public interface OutboxMapper {

    int insert(OutboxRow row);

    /** Oldest unsent rows first. */
    List<OutboxRow> oldest(@Param("limit") int limit);

    int delete(@Param("ids") List<Long> ids);

    long count();
}
