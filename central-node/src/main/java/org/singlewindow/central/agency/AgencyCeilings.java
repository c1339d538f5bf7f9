package org.singlewindow.central.agency;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.singlewindow.central.CentralProperties;
import org.singlewindow.node.transport.LinkCeilings;
import org.springframework.stereotype.Component;

/** Each ministry link's backoff ceiling ({@code sw.agencies.<CODE>.retry-max-delay}, else the default). */
@Component
class AgencyCeilings implements LinkCeilings {

    private final Map<String, Duration> ceilings = new HashMap<>();

    AgencyCeilings(CentralProperties central) {
        central.agencies().forEach((code, link) -> ceilings.put(code, link.retryMaxDelay()));
    }

    @Override
    public Map<String, Duration> ceilings() {
        return ceilings;
    }
}
