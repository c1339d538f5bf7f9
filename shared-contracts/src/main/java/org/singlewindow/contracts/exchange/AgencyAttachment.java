package org.singlewindow.contracts.exchange;

/**
 * Central to one agency link: deliver an attachment of a document the agency was sent (its grant covers the
 * file's code). The link streams the file from central's store.
 *
 * @param sm3 the file's SM3 hash, its id (the document names it in {@code electronicDocuments[].id})
 */
public record AgencyAttachment(String sm3, String owner, String code, String fileName, String mediaType, long size) {
}
