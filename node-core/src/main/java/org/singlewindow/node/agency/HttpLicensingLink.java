package org.singlewindow.node.agency;

import java.util.List;

import org.singlewindow.contracts.exchange.AgencyReceipt;
import org.singlewindow.contracts.exchange.AgencyRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** {@link LicensingLink} over the MOFCOM HTTP route. */
@Component
@ConditionalOnProperty(name = "sw.agencies.MOFCOM.url")
class HttpLicensingLink implements LicensingLink {

    private final AgencyHttp http;

    HttpLicensingLink(AgencyHttp http) {
        this.http = http;
    }

    @Override
    public List<AgencyReceipt> verifyLicences(AgencyRequest request) {
        return http.post("MOFCOM", request);
    }
}
