-- Amendments and cancellations (issue 27). A change request is one row; an amendment's new version is kept
-- immutable in document_version (with version 1, the submitted document, copied there when first amended); each
-- agency asked answers in change_answer. The declaration row keeps its current version's document, its version
-- number, and the change open on it (one at a time). handed_over_at: when a province handed the declaration to
-- the link up to central (a cancellation before that takes effect at once).
create table declaration_change (
    id             varchar(36)  not null,
    declaration_id varchar(36)  not null,
    kind           varchar(16)  not null,
    version        int          not null,
    reason_code    varchar(16)  not null,
    reason_text    varchar(500) not null,
    state          varchar(12)  not null,
    detail         varchar(500),
    request_hash   varchar(64)  not null,
    requested_by   varchar(120) not null,
    requested_at   datetime(3)  not null,
    decided_at     datetime(3),
    primary key (id)
);
create index ix_declaration_change_declaration on declaration_change (declaration_id, requested_at);

create table document_version (
    declaration_id varchar(36)  not null,
    version        int          not null,
    content_hash   varchar(64)  not null,
    payload        longtext     not null,
    signature      longtext,
    signer         varchar(18),
    change_id      varchar(36),
    created_at     datetime(3)  not null,
    primary key (declaration_id, version)
);

create table change_answer (
    change_id   varchar(36)  not null,
    agency      varchar(16)  not null,
    decision    varchar(12)  not null,
    code        varchar(20),
    message     varchar(500),
    answered_at datetime(3),
    primary key (change_id, agency)
);

alter table declaration add column current_version int not null default 1;
alter table declaration add column open_change varchar(36);
alter table declaration add column handed_over_at datetime(3);
-- Declarations taken before this migration were handed over already (or are on their way): a cancellation of one
-- asks the agencies, never claims to have stopped it.
update declaration set handed_over_at = created_at;
