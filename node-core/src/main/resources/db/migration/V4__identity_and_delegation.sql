-- Unified identity (一次注册、全国通用), kept at the issuing node (central): enterprises registered once with the
-- certificate that binds their SM2 key, portal users, and delegations (委托授权) from an enterprise to a customs
-- broker. Every node has the tables (one schema for every role); only the issuing node writes them.
create table enterprise (
    uscc            varchar(18)  not null,
    name            varchar(200) not null,
    kind            varchar(10)  not null,
    certificate     longtext     not null,
    cert_sha256     varchar(64)  not null,
    registered_at   datetime(3)  not null,
    primary key (uscc)
);

-- Portal users. password is Spring's encoded form ({bcrypt}...); roles is a comma-separated list.
create table portal_user (
    username        varchar(64)  not null,
    password        varchar(200) not null,
    roles           varchar(200) not null,
    uscc            varchar(18),
    agency          varchar(16),
    province        varchar(6),
    enabled         boolean      not null,
    created_at      datetime(3)  not null,
    created_by      varchar(80)  not null,
    primary key (username)
);
create index ix_portal_user_uscc on portal_user (uscc);

-- An enterprise (principal) authorizing a customs broker to declare for it, for a period and document types
-- (comma-separated DocumentType names). Revocation sets revoked_at; rows are never deleted.
create table delegation (
    id              varchar(36)  not null,
    principal_uscc  varchar(18)  not null,
    broker_uscc     varchar(18)  not null,
    document_types  varchar(400) not null,
    valid_from      datetime(3)  not null,
    valid_until     datetime(3)  not null,
    signature       longtext     not null,
    created_at      datetime(3)  not null,
    created_by      varchar(80)  not null,
    revoked_at      datetime(3),
    revoked_by      varchar(80),
    primary key (id)
);
create index ix_delegation_pair on delegation (broker_uscc, principal_uscc);
create index ix_delegation_principal on delegation (principal_uscc);

-- Who submitted a declaration: the declarant itself, or its customs broker under a delegation.
alter table declaration add column submitted_by varchar(18);
alter table declaration add column delegation_id varchar(36);
create index ix_declaration_submitted_by on declaration (submitted_by, created_at);
