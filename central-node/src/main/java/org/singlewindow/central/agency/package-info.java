/**
 * Ministry links (central role). One {@link AgencyLink} per configured agency
 * ({@code sw.agencies.<CODE>}), found by agency code ({@link AgencyLinks}): HTTP by
 * default ({@link AgencyHttp}), another transport where a bean for that code is
 * registered; one Camel route per agency consumes its queue ({@link AgencyLinkRoutes}).
 * Requests are sent through the outbox and kept until the agency's part is final
 * ({@link AgencyRequests}, asked again by
 * {@link StaleRequests}); they carry a stable message id ({@code X-Message-Id}) so a
 * call repeated after a crash is recognizable as the same one, and a callback URL for asynchronous receipts.
 * Receipts, synchronous or posted later to {@code POST /api/v1/agency-receipts} (each agency with its own
 * credentials), are stored once with the agency's signature ({@link ReceiptSignatures}) and relayed to the origin
 * province; follow-ups go out as they were decided when the declaration was routed ({@link ReceiptService}).
 */
package org.singlewindow.central.agency;
