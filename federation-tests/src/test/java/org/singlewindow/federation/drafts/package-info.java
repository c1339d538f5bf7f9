/**
 * Drafts and templates end to end at a province: kept incomplete with their problems per field, listed, resumed,
 * saved over by revision, deleted, submitted with a signature; copied from an earlier document less what was its
 * own; and never seen by another enterprise.
 */
package org.singlewindow.federation.drafts;
