package org.singlewindow.central.agency;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.singlewindow.central.CentralProperties;
import org.springframework.stereotype.Component;

/**
 * The ministry links by agency code: one per configured agency ({@code sw.agencies.<CODE>}), the agency's own
 * {@link AgencyLink} bean where one is registered, HTTP otherwise. A link bean for an agency that is not configured
 * stops central from starting (it would never be used).
 */
@Component
public class AgencyLinks {

    private final Map<String, AgencyLink> byAgency = new LinkedHashMap<>();

    public AgencyLinks(CentralProperties central, List<AgencyLink> registered, AgencyHttp http) {
        for (AgencyLink link : registered) {
            if (!central.agencies().containsKey(link.agency())) {
                throw new IllegalStateException("agency link " + link.getClass().getSimpleName() + " serves "
                        + link.agency() + ", which has no sw.agencies." + link.agency() + " entry");
            }
            if (byAgency.putIfAbsent(link.agency(), link) != null) {
                throw new IllegalStateException("two agency links for " + link.agency());
            }
        }
        central.agencies().keySet().stream().sorted()
                .forEach(code -> byAgency.computeIfAbsent(code, c -> http.linkTo(c, central.agencies().get(c))));
    }

    /** The link of a configured agency. */
    public AgencyLink of(String agency) {
        AgencyLink link = byAgency.get(agency);
        if (link == null) {
            throw new IllegalArgumentException("no link to agency " + agency);
        }
        return link;
    }
}
