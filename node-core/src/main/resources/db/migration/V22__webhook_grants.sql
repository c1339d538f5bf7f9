-- A trader lets another enterprise (its logistics partner) subscribe to its documents: all of them, or one
-- (declaration_id). Revoked, not deleted, so the grant's history stays. A subscription made under a grant names the
-- enterprise whose documents it follows (for_owner) and, for one document, that document (for_declaration).
create table webhook_grant (
    id             varchar(36)  not null,
    owner          varchar(18)  not null,
    partner        varchar(18)  not null,
    declaration_id varchar(36),
    created_by     varchar(120) not null,
    created_at     datetime(3)  not null,
    revoked_at     datetime(3),
    revoked_by     varchar(120),
    primary key (id)
);
create index ix_webhook_grant_partner on webhook_grant (partner, owner);

alter table webhook_subscription add column for_owner varchar(18);
alter table webhook_subscription add column for_declaration varchar(36);
