package org.singlewindow.node.attachment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Attachments (随附单证).
 *
 * @param maxFileSize    the largest file one upload may bring
 * @param maxPerDocument the most all attachments of one document may add up to
 * @param chunkSize      the size of the pieces a file crosses the federation in (each piece one message; the outbox
 *                       relay publishes up to {@code sw.outbox.batch-size} messages at once, so this bounds its memory)
 */
@ConfigurationProperties("sw.attachments")
public record AttachmentProperties(@DefaultValue("20MB") DataSize maxFileSize,
                                   @DefaultValue("100MB") DataSize maxPerDocument,
                                   @DefaultValue("16KB") DataSize chunkSize) {
}
