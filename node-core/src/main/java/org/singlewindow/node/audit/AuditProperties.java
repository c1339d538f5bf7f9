package org.singlewindow.node.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit log ({@code sw.audit.*}).
 *
 * @param checkpointInterval how often the node signs a checkpoint of its chain (when it grew): the longest stretch of
 *                           records a database writer could recompute unnoticed; records older than three intervals
 *                           that no checkpoint covers are reported ({@code UNCHECKPOINTED})
 */
@ConfigurationProperties("sw.audit")
public record AuditProperties(@DefaultValue("60s") Duration checkpointInterval) {
}
