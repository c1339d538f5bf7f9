-- Append-only audit log, SM3 hash-chained (org.singlewindow.security.AuditChain). The head row holds the last
-- sequence number and hash; appenders lock it, so records are chained one at a time, and a log cut off at the end
-- is told from a complete one. Portable across H2 (MySQL mode), MySQL 8, MariaDB 10.11.
create table audit_record (
    seq       bigint       not null,
    recorded_at datetime(3) not null,
    node      varchar(10)  not null,
    actor     varchar(80)  not null,
    action    varchar(40)  not null,
    subject   varchar(80),
    detail    varchar(500),
    prev_hash char(64)     not null,
    hash      char(64)     not null,
    primary key (seq)
);

create table audit_head (
    id   int      not null,
    seq  bigint   not null,
    hash char(64) not null,
    primary key (id)
);
insert into audit_head (id, seq, hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
