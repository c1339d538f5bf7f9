/** Test support shared by the province's handler tests: declarations, central's envelopes, the outcome's reads. */
package org.singlewindow.provincial.support;
