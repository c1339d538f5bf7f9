-- Checkpoints of the audit chain signed with the node's SM2 key (org.singlewindow.security.AuditCheckpoint): whoever
-- can write the database but lacks the node's key can recompute the hashes after an altered record, but not sign
-- them, so verification finds the recomputed chain at the next checkpoint.
create table audit_checkpoint (
    seq        bigint       not null,
    hash       char(64)     not null,
    signed_at  datetime(3)  not null,
    signature  longtext     not null,
    primary key (seq)
);
