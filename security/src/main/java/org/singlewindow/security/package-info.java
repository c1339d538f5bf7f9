/**
 * Chinese commercial cryptography (商用密码) for the nodes, on BouncyCastle: SM3 for the hash-chained audit log
 * ({@link org.singlewindow.security.AuditChain}), SM4-GCM for payloads at rest
 * ({@link org.singlewindow.security.Sm4Gcm}). Pure functions and small value types; keys come from the caller.
 */
package org.singlewindow.security;
