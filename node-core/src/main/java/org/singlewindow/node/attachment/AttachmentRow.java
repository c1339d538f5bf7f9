package org.singlewindow.node.attachment;

import java.time.Instant;

/**
 * An attachment as one enterprise uploaded it ({@code attachment}). Its id is the SM3 hash of its bytes (hex), so
 * a document that names it (its {@code electronicDocuments[].id}, E-Port's EdocID) names exactly these bytes, and
 * the declarant's signature of the document covers them.
 *
 * @param owner     the enterprise (USCC) that uploaded it
 * @param code      its document code (随附单据代码)
 * @param complete  false at a node while its pieces are still arriving
 */
public record AttachmentRow(String sm3, String owner, String code, String fileName, String mediaType, long size,
                            String uploadedBy, Instant uploadedAt, boolean complete) {
}
