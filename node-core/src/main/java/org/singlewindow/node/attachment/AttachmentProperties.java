package org.singlewindow.node.attachment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Attachments (随附单证).
 *
 * @param maxFileSize    the largest file one upload may bring
 * @param maxPerDocument the most all attachments of one document may add up to
 * @param chunkSize      the size of the pieces a file crosses the federation in (each piece one message, Base64 in
 *                       its envelope: 16KB keeps it well under the broker's 100KB large-message threshold; 512KB of
 *                       pieces go in one broker transaction)
 */
@ConfigurationProperties("sw.attachments")
public record AttachmentProperties(@DefaultValue("20MB") DataSize maxFileSize,
                                   @DefaultValue("100MB") DataSize maxPerDocument,
                                   @DefaultValue("16KB") DataSize chunkSize) {
}
