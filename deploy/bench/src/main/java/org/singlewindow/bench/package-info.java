/**
 * The benchmark client (not a test): pushes declarations through a running local federation and measures what
 * the declarant sees, then measures a bare embedded Artemis broker in the same process as a baseline.
 */
package org.singlewindow.bench;
