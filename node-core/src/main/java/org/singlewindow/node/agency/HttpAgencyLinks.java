package org.singlewindow.node.agency;

import java.util.List;

import org.singlewindow.contracts.exchange.AgencyReceipt;
import org.singlewindow.contracts.exchange.AgencyRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Every ministry link over its agency's Camel HTTP route ({@code sw.agencies.<CODE>.url}). Each interface stays
 * narrow so that one ministry's link can be replaced (a message queue, a different protocol) without touching
 * the others.
 */
@Component
@ConditionalOnProperty(name = "sw.role", havingValue = "CENTRAL")
class HttpAgencyLinks implements CustomsLink, MaritimeLink, BorderInspectionLink, LicensingLink,
        OriginCertificationLink, TaxLink, ForexLink, BankLink {

    private final AgencyHttp http;

    HttpAgencyLinks(AgencyHttp http) {
        this.http = http;
    }

    @Override
    public List<AgencyReceipt> declare(AgencyRequest request) {
        return http.post("GACC", request);
    }

    @Override
    public List<AgencyReceipt> submit(AgencyRequest request) {
        return http.post("MOFCOM", request);
    }

    @Override
    public List<AgencyReceipt> apply(AgencyRequest request) {
        return http.post("CCPIT", request);
    }

    @Override
    public List<AgencyReceipt> claimRebate(AgencyRequest request) {
        return http.post("STA", request);
    }

    @Override
    public List<AgencyReceipt> pay(AgencyRequest request) {
        return http.post("BANK", request);
    }

    @Override
    public List<AgencyReceipt> reportVoyage(AgencyRequest request) {
        return http.post("MSA", request);
    }

    @Override
    public List<AgencyReceipt> reportCrossing(AgencyRequest request) {
        return http.post("NIA", request);
    }

    @Override
    public List<AgencyReceipt> reportTrade(AgencyRequest request) {
        return http.post("SAFE", request);
    }
}
