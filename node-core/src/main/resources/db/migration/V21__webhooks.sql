-- Subscriptions and webhooks (issue 28), at a province: an enterprise's HTTPS endpoints for chosen events of its
-- documents, each with its signing method (SM2 by the node, or HMAC-SM3 with a secret kept sealed); and one
-- delivery row per event and endpoint, delivered in order per endpoint, retried with backoff, kept as the log.
create table webhook_subscription (
    id           varchar(36)  not null,
    owner        varchar(18)  not null,
    url          varchar(500) not null,
    events       varchar(100) not null,
    signing      varchar(12)  not null,
    secret       longtext,
    state        varchar(12)  not null,
    failures     int          not null,
    pause_reason varchar(300),
    created_by   varchar(120) not null,
    created_at   datetime(3)  not null,
    primary key (id)
);
create index ix_webhook_subscription_owner on webhook_subscription (owner);

create table webhook_delivery (
    id              bigint       not null auto_increment,
    subscription_id varchar(36)  not null,
    event_id        varchar(36)  not null,
    declaration_id  varchar(36)  not null,
    event_type      varchar(12)  not null,
    payload         longtext     not null,
    state           varchar(12)  not null,
    attempts        int          not null,
    next_attempt_at datetime(3)  not null,
    last_status     int,
    last_error      varchar(300),
    created_at      datetime(3)  not null,
    delivered_at    datetime(3),
    primary key (id),
    unique (subscription_id, event_id)
);
create index ix_webhook_delivery_due on webhook_delivery (state, subscription_id, id);
