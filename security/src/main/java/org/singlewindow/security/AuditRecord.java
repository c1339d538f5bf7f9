package org.singlewindow.security;

import java.time.Instant;

/**
 * One record of a node's append-only audit log.
 *
 * @param seq      position in the chain, from 1 without gaps
 * @param at       when it happened (millisecond precision)
 * @param node     the node that wrote it
 * @param actor    who: a client id, {@code node:<code>} or {@code agency:<CODE>}
 * @param action   what, e.g. {@code SUBMITTED}, {@code RECEIPT}, {@code LOGIN}
 * @param subject  on what, e.g. a declaration id
 * @param detail   a short description; never personal data or keys
 * @param prevHash the previous record's hash (64 zeros for the first)
 * @param hash     SM3 over the previous hash and every field above
 */
public record AuditRecord(long seq, Instant at, String node, String actor, String action, String subject,
                          String detail, String prevHash, String hash) {
}
