/**
 * The browser portal in headless Chromium, the API documents and metrics, and the configuration reference checked
 * against the metadata.
 */
package org.singlewindow.federation.portal;
