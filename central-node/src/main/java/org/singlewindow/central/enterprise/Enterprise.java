package org.singlewindow.central.enterprise;

import java.time.Instant;

/**
 * A registered enterprise, as the {@code enterprise} table holds it.
 *
 * @param kind        {@code TRADER} or {@code BROKER} (a customs broker, 报关企业, may declare for others)
 * @param certificate its federation certificate (PEM), binding its SM2 key
 * @param certSha256  SHA-256 (hex) of that certificate's DER, as tokens name it
 */
public record Enterprise(String uscc, String name, String kind, String certificate, String certSha256,
                         Instant registeredAt) {

    public static final String TRADER = "TRADER";
    public static final String BROKER = "BROKER";
}
