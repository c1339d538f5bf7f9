-- Nonces of signed requests that change identity state (delegations, certificate binding): a signed body is taken
-- once, so a captured request cannot be replayed (e.g. to re-create a revoked delegation or re-bind an old
-- certificate). Each body also carries issuedAt, accepted within minutes of now; rows older than that window are
-- pruned (sw.retention.nonces).
create table request_nonce (
    purpose  varchar(40)  not null,
    nonce    varchar(64)  not null,
    used_at  datetime(3)  not null,
    primary key (purpose, nonce)
);
create index ix_request_nonce_used on request_nonce (used_at);
