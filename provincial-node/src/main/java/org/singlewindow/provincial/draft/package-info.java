/**
 * Drafts and templates (草稿, 模板; issue 28): a document being prepared at the province, unsigned and maybe
 * incomplete, validated as it is saved with the directory's errors per field, listed, resumed, deleted, and
 * submitted with the declarant's signature as any document is. A draft belongs to the enterprise it names as
 * declarant; that enterprise's clients and the customs brokers it delegated to (checked with central) see it.
 * Any earlier document of one's own can be copied as a new draft, less what belonged to it alone (the directory's
 * {@code notCopied}).
 */
package org.singlewindow.provincial.draft;
