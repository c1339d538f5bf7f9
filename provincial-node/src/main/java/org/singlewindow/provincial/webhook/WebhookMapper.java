package org.singlewindow.provincial.webhook;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The {@code webhook_subscription} and {@code webhook_delivery} tables. */
@Mapper
public interface WebhookMapper {

    int insertSubscription(SubscriptionRow row);

    SubscriptionRow findSubscription(@Param("id") String id);

    List<SubscriptionRow> subscriptionsOf(@Param("owner") String owner);

    int deleteSubscription(@Param("id") String id);

    /** The endpoints of the enterprise that declared {@code declarationId}. */
    List<SubscriptionRow> subscriptionsFor(@Param("declarationId") String declarationId);

    /** What an event tells of its document: {@code document_type}, {@code client_reference}, {@code declarant_uscc}. */
    java.util.Map<String, Object> facts(@Param("declarationId") String declarationId);

    /** Resumes a paused endpoint (its failures forgotten); 0 when it was not paused. */
    int resume(@Param("id") String id);

    int insertDelivery(DeliveryRow row);

    /** The oldest pending delivery of each active endpoint, when it is due. */
    List<DeliveryRow> due(@Param("now") Instant now, @Param("limit") int limit);

    List<DeliveryRow> deliveriesOf(@Param("subscriptionId") String subscriptionId, @Param("limit") int limit);

    DeliveryRow findDelivery(@Param("id") long id);

    int delivered(@Param("id") long id, @Param("status") int status, @Param("at") Instant at);

    int failedAttempt(@Param("id") long id, @Param("status") Integer status, @Param("error") String error,
                      @Param("next") Instant next, @Param("state") String state);

    /** Counts a failed attempt on the endpoint; pauses it at {@code pauseAfter}. */
    int countFailure(@Param("id") String id, @Param("pauseAfter") int pauseAfter, @Param("reason") String reason);

    int countSuccess(@Param("id") String id);

    /** Sends a delivery again (a person asked): pending, due now. */
    int redeliver(@Param("id") long id, @Param("now") Instant now);

    int deleteDeliveriesOf(@Param("subscriptionId") String subscriptionId);

    /** Whether {@code owner} lets {@code partner} follow declaration {@code declarationId} (null: all its documents). */
    boolean grantCovers(@Param("owner") String owner, @Param("partner") String partner,
                        @Param("declarationId") String declarationId);

    int insertGrant(GrantRow row);

    /** The grants an enterprise gave or was given. */
    List<GrantRow> grantsOf(@Param("owner") String owner);

    GrantRow findGrant(@Param("id") String id);

    int revokeGrant(@Param("id") String id, @Param("by") String by, @Param("at") Instant at);
}
