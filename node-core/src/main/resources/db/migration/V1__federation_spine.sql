-- Federation spine: declarations, their agencies and events, the transactional outbox, the inbox of processed
-- message ids, and copies received from peer provinces. Portable across H2 (MySQL mode), MySQL 8, MariaDB 10.11.

create table declaration (
    id               varchar(36)  not null,
    document_type    varchar(40)  not null,
    declarant_uscc   varchar(18)  not null,
    client_reference varchar(50)  not null,
    content_hash     varchar(64)  not null,
    origin_province  varchar(6)   not null,
    status           varchar(20)  not null,
    payload          longtext     not null,
    created_at       datetime(3)  not null,
    updated_at       datetime(3)  not null,
    primary key (id),
    constraint uk_declaration_reference unique (declarant_uscc, client_reference)
);
create index ix_declaration_declarant on declaration (declarant_uscc, created_at);
create index ix_declaration_status on declaration (status, created_at);

-- One row per agency a declaration was routed to; status is the projection of its receipts.
create table declaration_agency (
    declaration_id varchar(36) not null,
    agency         varchar(16) not null,
    rule_id        varchar(64) not null,
    status         varchar(20) not null,
    status_stage   int         not null,
    updated_at     datetime(3) not null,
    primary key (declaration_id, agency)
);

-- Append-only: events are never updated; statuses are derived from them.
create table declaration_event (
    id             bigint       not null auto_increment,
    declaration_id varchar(36)  not null,
    kind           varchar(16)  not null,
    node           varchar(10)  not null,
    agency         varchar(16),
    status         varchar(20),
    code           varchar(20),
    detail         varchar(500),
    event_key      varchar(160),
    occurred_at    datetime(3)  not null,
    recorded_at    datetime(3)  not null,
    primary key (id),
    constraint uk_declaration_event_key unique (event_key)
);
create index ix_declaration_event_declaration on declaration_event (declaration_id, id);

create table outbox (
    id         bigint       not null auto_increment,
    message_id varchar(80)  not null,
    queue_name varchar(120) not null,
    group_id   varchar(64),
    body       longtext     not null,
    created_at datetime(3)  not null,
    primary key (id)
);

create table inbox (
    message_id  varchar(80) not null,
    consumer    varchar(40) not null,
    received_at datetime(3) not null,
    primary key (message_id, consumer)
);

create table peer_copy (
    message_id      varchar(80) not null,
    declaration_id  varchar(36) not null,
    from_province   varchar(6)  not null,
    rule_id         varchar(64) not null,
    payload         longtext    not null,
    received_at     datetime(3) not null,
    primary key (message_id)
);
create index ix_peer_copy_received on peer_copy (received_at);
