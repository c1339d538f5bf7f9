/**
 * Operators' and developers' command-line tools around the federation, none of them part of a running node: the PKI
 * tool behind {@code deploy/pki.sh} (a development CA derived from a seed, production CAs and certificates, CRLs,
 * signing), central's AS4 identity for the local federation, the offline audit-log check ({@code AuditVerify}),
 * and the WireMock extensions that make the ministry simulators sign their answers and post later receipts until
 * central acknowledges them, as real agency systems must.
 */
package org.singlewindow.tools;
