-- The declarant's signature of each document, kept for non-repudiation: detached CMS SignedData (SM3withSM2,
-- Base64 DER, the signer's certificate inside) over the canonical form of the document as submitted.
create table document_signature (
    declaration_id varchar(36)  not null,
    signature      longtext     not null,
    signer         varchar(80)  not null,
    verified_at    datetime(3)  not null,
    primary key (declaration_id)
);
