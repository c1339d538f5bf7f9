/**
 * Ministry links (central role). Each agency has one narrow Java interface ({@link
 * org.singlewindow.central.agency.CustomsLink} for GACC, {@link org.singlewindow.central.agency.MaritimeLink} for MSA,
 * {@link org.singlewindow.central.agency.BorderInspectionLink} for NIA, {@link
 * org.singlewindow.central.agency.LicensingLink} for MOFCOM, {@link org.singlewindow.central.agency.OriginCertificationLink}
 * for CCPIT, {@link org.singlewindow.central.agency.TaxLink} for STA, {@link org.singlewindow.central.agency.ForexLink}
 * for SAFE, {@link org.singlewindow.central.agency.BankLink} for banks), all implemented over one Camel HTTP route per
 * configured agency. Requests carry a stable message id
 * ({@code X-Message-Id}) so a call repeated after a crash is recognizable as the same one, and a callback URL
 * for asynchronous receipts. Receipts, synchronous or posted later to {@code POST /api/v1/agency-receipts}
 * (each agency with its own credentials), are stored once and relayed to the origin province.
 */
package org.singlewindow.central.agency;
