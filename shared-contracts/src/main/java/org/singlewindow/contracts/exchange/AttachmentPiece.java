package org.singlewindow.contracts.exchange;

/**
 * Province to central: one piece of an attachment a document names, sent ahead of the document (in the same
 * declaration group, so central has every piece before it routes the document). Pieces are small (16 KB by
 * default), so no node ever holds a whole file in memory; central checks the whole against {@code sm3} once the
 * last piece is in.
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
