/**
 * Attachments (随附单证) at either role. A file is named by the SM3 hash of its bytes (its id, E-Port's EdocID), so a
 * signed document that names it signs its content. {@link org.singlewindow.node.attachment.Attachments} takes
 * uploads after {@link org.singlewindow.node.attachment.FileCheck} judged them by their bytes ({@link
 * org.singlewindow.node.attachment.PdfCheck} reads PDFs with PDFBox) and checks the files a document names;
 * {@link org.singlewindow.node.attachment.AttachmentFiles} keeps them sealed on disk, streamed, never whole in
 * memory; {@link org.singlewindow.node.attachment.AttachmentTravel} sends and receives them in pieces through the
 * outbox; {@link org.singlewindow.node.attachment.AttachmentController} serves downloads to those allowed.
 */
package org.singlewindow.node.attachment;
