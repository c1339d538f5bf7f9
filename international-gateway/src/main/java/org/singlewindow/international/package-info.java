/**
 * The AS4 gateway (module {@code international-gateway}, imported by central only through {@link
 * org.singlewindow.international.InternationalGateway}; 五.1.3 of the framework: exchange with foreign single windows)
 * over eDelivery AS4: ebMS 3 user messages as SOAP 1.2 with the business document as a gzip-compressed MIME
 * attachment, signed (RSA-SHA256, exclusive C14N, SHA-256 digests over the ebMS header, the body and the attachment)
 * and encrypted (AES-128-GCM, key transport RSA-OAEP with MGF1-SHA256) with WSS4J; each user message answered at once
 * on the same HTTP connection with a signed non-repudiation receipt, or an ebMS error. Partners and their
 * certificates are configuration ({@link org.singlewindow.international.As4Properties}), the processing modes data
 * ({@code as4/pmodes.yaml}, {@link org.singlewindow.international.PModes}).
 * <p>Out: a preferential certificate of origin (Form E, RCEP) that its issuing agency approved goes, in the same
 * transaction as that receipt, into {@code as4_message} and from there to the importing country's window, sent again
 * with backoff until a valid receipt comes back (reception awareness). In: a partner's certificate of origin or
 * ePhyto certificate is verified, stored once per message id (a duplicate gets the first receipt again and is not
 * handed over twice), handed to GACC as a document of its own, and GACC's result goes back to the sender as an AS4
 * message of its own.
 */
package org.singlewindow.international;
