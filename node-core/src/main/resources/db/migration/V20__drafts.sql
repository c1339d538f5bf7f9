-- Drafts (issue 28), at a province: a document being prepared, unsigned and maybe incomplete, of one enterprise
-- (the owner: the declarant it names). Sealed like documents; revision counts the saves (a save names the revision
-- it edited, so two people editing one draft do not overwrite each other unnoticed).
create table draft (
    id            varchar(36)  not null,
    owner         varchar(18)  not null,
    document_type varchar(40)  not null,
    payload       longtext     not null,
    created_by    varchar(120) not null,
    created_at    datetime(3)  not null,
    updated_at    datetime(3)  not null,
    revision      int          not null,
    primary key (id)
);
create index ix_draft_owner on draft (owner, updated_at);
