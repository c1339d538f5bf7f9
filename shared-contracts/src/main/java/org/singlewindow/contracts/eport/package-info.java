/**
 * E-Port formats traders' software already speaks: the customs goods declaration as {@code DecMessage} XML (GACC
 * Announcement 2018 No. 67), optionally inside a {@code DxpMsg} data-exchange envelope, mapped field by field to
 * the directory's goods declaration ({@link org.singlewindow.contracts.eport.DecMessageMapper}, mapping table in
 * README); receipts written as {@code DEC_RESULT}-style XML. All XML is read by
 * {@link org.singlewindow.contracts.eport.SafeXml}: no DTDs, no entities, bounded depth, element count and text.
 */
package org.singlewindow.contracts.eport;
