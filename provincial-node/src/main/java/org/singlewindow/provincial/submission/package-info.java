/**
 * The declarants' access point: {@code POST /api/v1/declarations} (JSON or DecMessage XML), validated against the
 * directory, signed by the declarant or by a customs broker under a delegation central confirms
 * ({@link org.singlewindow.provincial.submission.CentralDelegations}, with the caller's own token), made idempotent by
 * the client reference, then stored and queued for central and peer provinces in one transaction.
 */
package org.singlewindow.provincial.submission;
