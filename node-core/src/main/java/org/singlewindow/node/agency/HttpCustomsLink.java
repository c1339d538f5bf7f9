package org.singlewindow.node.agency;

import java.util.List;

import org.singlewindow.contracts.exchange.AgencyReceipt;
import org.singlewindow.contracts.exchange.AgencyRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** {@link CustomsLink} over the GACC HTTP route. */
@Component
@ConditionalOnProperty(name = "sw.agencies.GACC.url")
class HttpCustomsLink implements CustomsLink {

    private final AgencyHttp http;

    HttpCustomsLink(AgencyHttp http) {
        this.http = http;
    }

    @Override
    public List<AgencyReceipt> declare(AgencyRequest request) {
        return http.post("GACC", request);
    }
}
