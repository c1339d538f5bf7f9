-- Agencies' signatures of their receipts, kept for non-repudiation: the canonical JSON the agency signed (its
-- answer to a request, or a receipt it posted later) and its detached CMS SignedData (SM3withSM2, Base64 DER, the
-- agency's certificate inside). One row per receipt; receipts of one answer share the signed content.
create table receipt_signature (
    receipt_id     varchar(120) not null,
    agency         varchar(16)  not null,
    declaration_id varchar(36)  not null,
    content        longtext     not null,
    signature      longtext     not null,
    verified_at    datetime(3)  not null,
    primary key (receipt_id, agency)
);
create index ix_receipt_signature_declaration on receipt_signature (declaration_id);
