-- Central's international gateway (AS4): every user message sent to or received from a partner window, once per
-- message id (the primary key is the duplicate elimination). OUT rows wait as PENDING until the partner's signed
-- receipt comes back (DELIVERED, the receipt kept as proof) or the attempts run out (FAILED). IN rows are RECEIVED,
-- then ANSWERED once GACC's result for them has been queued back to the sender (results received are ANSWERED at
-- once); each keeps the receipt it was answered with, sent again for a duplicate. Provincial nodes leave it empty.
create table as4_message (
    message_id      varchar(255)  not null primary key,
    direction       varchar(3)    not null,
    partner         varchar(64)   not null,
    pmode           varchar(64)   not null,
    document        varchar(32)   not null,
    conversation_id varchar(255),
    ref_to          varchar(255),
    payload         longtext      not null,
    status          varchar(16)   not null,
    attempts        int           not null default 0,
    next_attempt_at datetime(3)   not null,
    last_error      varchar(1000),
    receipt         longtext,
    result_status   varchar(16),
    result_message  varchar(1000),
    created_at      datetime(3)   not null,
    updated_at      datetime(3)   not null
);
create index as4_message_due on as4_message (status, next_attempt_at);
create index as4_message_conversation on as4_message (conversation_id);
