package org.singlewindow.federation.changes;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.singlewindow.federation.support.ChangeRaces;
import org.singlewindow.federation.support.Federation;
import org.singlewindow.federation.support.SharedFederation;

/** The change races ({@link ChangeRaces}) on the shared federation's databases (H2 in MySQL mode). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedFederation.class)
class ChangeRaceTest {

    private ChangeRaces races;

    @BeforeAll
    void start(Federation shared) {
        races = new ChangeRaces(shared);
    }

    @Test
    void a_cancellation_racing_the_release_should_leave_one_final_outcome_at_both_nodes() {
        races.cancellationAgainstRelease(8);
    }

    @Test
    void an_amendment_racing_the_release_should_be_decided_by_customs_and_the_document_completed() {
        races.amendmentAgainstRelease(4);
    }

    @Test
    void two_requests_at_once_should_open_one_change_and_refuse_the_other() {
        races.twoRequestsAtOnce(6);
    }
}
