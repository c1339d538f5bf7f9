package org.singlewindow.node.statistics;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.singlewindow.node.declaration.DeclarationFilter;

/** Reads for statistics. SQL in {@code StatisticsMapper.xml} beside this interface's path. */
@Mapper
public interface StatisticsMapper {

    /** The declarations {@code filter} selects, one row per agency (or one without), at most {@code limit} rows. */
    List<StatisticsRow> rows(@Param("f") DeclarationFilter filter, @Param("limit") int limit);
}
