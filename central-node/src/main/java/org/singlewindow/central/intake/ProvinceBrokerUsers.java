package org.singlewindow.central.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.activemq.artemis.core.security.Role;
import org.singlewindow.central.CentralProperties;
import org.singlewindow.node.config.QueueNames;
import org.singlewindow.node.transport.BrokerGuests;
import org.singlewindow.node.transport.BrokerPermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The provinces on central's broker ({@code sw.provinces}), each as user {@code province-<code>}:
 * <ul>
 *   <li>{@code sw.in.provinces}: every province may send (what it sends is checked by its signature);</li>
 *   <li>{@code sw.out.province.<code>}: that province alone may consume and browse it, and send to it (a replay of
 *   its own parked results: every message there must carry central's signature, checked on arrival);</li>
 *   <li>{@code DLQ.sw.out.province.<code>}: that province alone, to park, list and replay its results.</li>
 * </ul>
 * A province cannot read another's results, central's intake, the ministry queues or management.
 */
@Component
public class ProvinceBrokerUsers implements BrokerGuests {

    private static final Logger log = LoggerFactory.getLogger(ProvinceBrokerUsers.class);

    private final Map<String, CentralProperties.Province> provinces;

    public ProvinceBrokerUsers(CentralProperties central) {
        this.provinces = central.provinces();
        provinces.forEach((code, province) -> {
            if (province.brokerPassword() == null || province.brokerPassword().isBlank()) {
                throw new IllegalStateException("sw.provinces." + code + ".broker-password is required: province "
                        + code + " connects to central's broker with it");
            }
        });
        if (!provinces.isEmpty()) {
            log.info("central's broker admits {} province(s): {}", provinces.size(), provinces.keySet());
        }
    }

    @Override
    public Map<String, String> users() {
        Map<String, String> users = new LinkedHashMap<>();
        provinces.forEach((code, province) -> users.put(BrokerPermissions.provinceUser(code),
                province.brokerPassword()));
        return users;
    }

    @Override
    public Map<String, Set<Role>> permissions(QueueNames queues) {
        Map<String, Set<Role>> matches = new LinkedHashMap<>();
        if (provinces.isEmpty()) {
            return matches;
        }
        Role node = BrokerPermissions.everything(BrokerPermissions.NODE_ROLE);
        Set<Role> intake = new LinkedHashSet<>(List.of(node));
        for (String province : provinces.keySet()) {
            String user = BrokerPermissions.provinceUser(province);
            intake.add(BrokerPermissions.role(user, true, false, false));
            Set<Role> own = Set.of(node, BrokerPermissions.role(user, true, true, true));
            matches.put(queues.outProvince(province), own);
            matches.put(queues.deadLetter(queues.outProvince(province)), own);
        }
        matches.put(queues.inProvinces(), Set.copyOf(intake));
        return matches;
    }

    @Override
    public List<String> queues(QueueNames queues) {
        List<String> all = new ArrayList<>();
        if (!provinces.isEmpty()) {
            all.add(queues.inProvinces());
        }
        provinces.keySet().forEach(p -> {
            all.add(queues.outProvince(p));
            all.add(queues.deadLetter(queues.outProvince(p)));
        });
        return all;
    }
}
