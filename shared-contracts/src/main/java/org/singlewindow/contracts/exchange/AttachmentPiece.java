package org.singlewindow.contracts.exchange;

/**
 * Province to central: one piece of an uploaded attachment, shipped from the upload on in the file's own message
 * group (its SM3 hash); central routes a document that names the file only once every piece is in. Pieces are
 * small (16 KB by default) and queued a few hundred KB per transaction; central checks the whole against
 * {@code sm3} once the last piece is in.
 *
 * @param sm3   the file's SM3 hash (hex), its id
 * @param owner the enterprise that uploaded it
 * @param index this piece's place, from 0
 * @param offset where its bytes start in the file
 * @param count how many pieces the file has
 * @param data  the piece's bytes, Base64
 */
public record AttachmentPiece(String sm3, String owner, String code, String fileName, String mediaType, long size,
                              int index, long offset, int count, String data) {
}
