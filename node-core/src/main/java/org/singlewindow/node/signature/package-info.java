/**
 * Signed documents. A declarant signs the canonical form of each document (RFC 8785, JCS) with its SM2 key: a detached CMS SignedData with SM3withSM2 and its
 * enterprise certificate inside, sent Base64 in the {@code X-SW-Signature} header. The provincial node verifies it
 * before answering 202 (federation root CA, validity, CRL, and that the certificate's USCC is the declarant's);
 * central verifies it again; both keep it; ministries that receive the whole document receive the signature too.
 * Every refusal names its reason ({@link org.singlewindow.security.CmsSignatures.Refusal}, plus
 * {@code SIGNATURE_MISSING}, {@code SIGNER_MISMATCH} and {@code CERTIFICATE_NOT_REGISTERED}) and is counted
 * ({@code sw.signatures.refused}). Signed hops ({@link org.singlewindow.node.signature.EnvelopeSignatures}: one
 * signature per batch of envelopes, over their Merkle root) and
 * agency-signed answers and receipts ({@link org.singlewindow.node.signature.AgencySignatures}) use the same PKI.
 */
package org.singlewindow.node.signature;
