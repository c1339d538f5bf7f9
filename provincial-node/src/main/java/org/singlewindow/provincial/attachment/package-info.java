/**
 * Declarants upload attachments (随附单证) at their province before naming them in a document:
 * {@link org.singlewindow.provincial.attachment.AttachmentUploadController} streams each file through the kernel's
 * checks ({@link org.singlewindow.node.attachment.Attachments}) and answers with its id, the SM3 hash of its bytes,
 * which the document then names in {@code data.electronicDocuments[].id} and so signs.
 */
package org.singlewindow.provincial.attachment;
