package org.singlewindow.central.agency;

/**
 * Where an agency's decision on a change goes once its link received it: the central change flow records it and
 * decides the change (an interface, so the agency links do not depend on the change flow).
 */
public interface AgencyChangeAnswers {

    /** Records {@code agency}'s decision on change {@code changeId} of the declaration, once. */
    void answered(String declarationId, String changeId, String agency, AgencyDecision decision);
}
