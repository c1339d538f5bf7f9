package org.singlewindow.node.audit;

/** The last record's sequence number and hash. */
public record AuditHead(long seq, String hash) {
}
