package org.singlewindow.central.agency;

import org.singlewindow.contracts.exchange.AgencyRequest;
import org.springframework.stereotype.Component;

/**
 * Every ministry link over its agency's Camel HTTP route ({@code sw.agencies.<CODE>.url}). Each interface stays
 * narrow so that one ministry's link can be replaced (a message queue, a different protocol) without touching
 * the others.
 */
@Component
class HttpAgencyLinks implements CustomsLink, MaritimeLink, BorderInspectionLink, LicensingLink,
        OriginCertificationLink, TaxLink, ForexLink, BankLink {

    private final AgencyHttp http;

    HttpAgencyLinks(AgencyHttp http) {
        this.http = http;
    }

    @Override
    public AgencyAnswer declare(AgencyRequest request) {
        return http.post("GACC", request);
    }

    @Override
    public AgencyAnswer submit(AgencyRequest request) {
        return http.post("MOFCOM", request);
    }

    @Override
    public AgencyAnswer apply(AgencyRequest request) {
        return http.post("CCPIT", request);
    }

    @Override
    public AgencyAnswer claimRebate(AgencyRequest request) {
        return http.post("STA", request);
    }

    @Override
    public AgencyAnswer pay(AgencyRequest request) {
        return http.post("BANK", request);
    }

    @Override
    public AgencyAnswer reportVoyage(AgencyRequest request) {
        return http.post("MSA", request);
    }

    @Override
    public AgencyAnswer reportCrossing(AgencyRequest request) {
        return http.post("NIA", request);
    }

    @Override
    public AgencyAnswer reportTrade(AgencyRequest request) {
        return http.post("SAFE", request);
    }
}
