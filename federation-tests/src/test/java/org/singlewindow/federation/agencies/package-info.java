/**
 * The ministries' side: signed receipts verified and kept, forged ones parked, and the outbox relay that sends to
 * them.
 */
package org.singlewindow.federation.agencies;
