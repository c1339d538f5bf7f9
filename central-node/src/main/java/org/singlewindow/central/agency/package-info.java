/**
 * Ministry links (central role). One {@link org.singlewindow.central.agency.AgencyLink} per configured agency
 * ({@code sw.agencies.<CODE>}), found by agency code ({@link org.singlewindow.central.agency.AgencyLinks}): HTTP by
 * default ({@link org.singlewindow.central.agency.AgencyHttp}), another transport where a bean for that code is
 * registered; one Camel route per agency consumes its queue ({@link org.singlewindow.central.agency.AgencyLinkRoutes}).
 * Requests are sent through the outbox and kept until the agency's part is final
 * ({@link org.singlewindow.central.agency.AgencyRequests}, asked again by
 * {@link org.singlewindow.central.agency.StaleRequests}); they carry a stable message id ({@code X-Message-Id}) so a
 * call repeated after a crash is recognizable as the same one, and a callback URL for asynchronous receipts.
 * Receipts, synchronous or posted later to {@code POST /api/v1/agency-receipts} (each agency with its own
 * credentials), are stored once and relayed to the origin province; follow-ups go out as they were decided when the
 * declaration was routed ({@link org.singlewindow.central.agency.ReceiptService}).
 */
package org.singlewindow.central.agency;
