/**
 * The AS4 gateway against the partner window and against phase4.
 */
package org.singlewindow.federation.international;
