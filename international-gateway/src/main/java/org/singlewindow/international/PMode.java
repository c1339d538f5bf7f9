package org.singlewindow.international;

import java.util.List;

/**
 * One processing mode ({@code as4/pmodes.yaml}): a business document travelling one way under an agreement, service
 * and action. Security, packaging and reliability settings are those of the eDelivery AS4 profile for every P-Mode.
 */
public record PMode(String id, Direction direction, PartnerDocument document, List<String> certificateTypes,
                    String agreement, String service, String serviceType, String action) {

    /** Who initiates. */
    public enum Direction {
        /** Central sends. */
        OUT,
        /** A partner sends. */
        IN
    }
}
