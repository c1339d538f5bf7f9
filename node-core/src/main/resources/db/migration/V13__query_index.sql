-- Query & statistics: the HS codes of each declaration's goods, kept beside the sealed document (which the
-- database cannot read) so declarations can be searched by HS code (prefix: chapter, heading or full code).
create table declaration_item (
    declaration_id varchar(36) not null,
    hs_code        varchar(10) not null,
    primary key (declaration_id, hs_code)
);
create index declaration_item_hs on declaration_item (hs_code);
create index declaration_created on declaration (created_at);
