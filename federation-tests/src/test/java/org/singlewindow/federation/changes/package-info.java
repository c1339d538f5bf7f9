/**
 * After the first submission: amendments and cancellations through the same window, end to end over real brokers
 * and HTTP, with the ministries' simulators deciding (customs for a goods declaration).
 */
package org.singlewindow.federation.changes;
