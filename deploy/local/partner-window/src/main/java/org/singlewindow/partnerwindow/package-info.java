/**
 * A foreign single window for the local federation and the tests (Viet Nam's, party {@code VN-NSW}): an AS4 endpoint
 * that receives central's certificates of origin and answers with signed receipts and results, sends its own
 * documents to central, and can be told to lose receipts or send a badly signed message. Its RSA identity, the
 * multipart/related reading and writing, and the WS-Security signing are each a small class here; none of this is
 * node code.
 */
package org.singlewindow.partnerwindow;
