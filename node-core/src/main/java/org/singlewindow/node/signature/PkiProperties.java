package org.singlewindow.node.signature;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The federation PKI as a node sees it.
 *
 * @param rootCertificate        PEM file of the federation's root CA certificate
 * @param crl                    PEM file of the root CA's revocation list (re-read when it changes)
 * @param requireSignedDocuments refuse unsigned documents (on by default; a node without a root certificate then
 *                               does not start)
 * @param crlCheckInterval       how often the CRL file is checked for a newer version
 * @param nodeKey                PEM (PKCS#8) file of this node's SM2 key, which signs every envelope it sends
 * @param nodeCertificate        PEM file of this node's certificate (kind NODE, identifier = its code)
 * @param requireSignedEnvelopes refuse envelopes from other nodes that are unsigned or not signed by the node the
 *                               link belongs to (on by default)
 * @param requireSignedReceipts  refuse agency receipts (answers and later posts) not signed by that agency (on by
 *                               default)
 * @param maxSignatureAge        how far back a signature may be judged at the time it was made or accepted (a
 *                               message that waited longer is judged now)
 * @param allowDevKeys           accept the local federation's DEV root CA and keys derived from its public seed (only
 *                               the {@code local} profile and the tests set this; a node refuses them otherwise)
 */
@ConfigurationProperties("sw.pki")
public record PkiProperties(Path rootCertificate, Path crl, @DefaultValue("true") boolean requireSignedDocuments,
                            @DefaultValue("5s") Duration crlCheckInterval, Path nodeKey, Path nodeCertificate,
                            @DefaultValue("true") boolean requireSignedEnvelopes,
                            @DefaultValue("true") boolean requireSignedReceipts,
                            @DefaultValue("30d") Duration maxSignatureAge,
                            @DefaultValue("false") boolean allowDevKeys) {
}
