-- A province ships each uploaded file to central right after the upload, a few hundred KB of pieces per
-- transaction; the row says how far it got, so a node that stopped half-way goes on from there.
create table attachment_transfer (
    sm3        varchar(64) not null,
    owner      varchar(18) not null,
    next_piece int         not null,
    pieces     int         not null,
    created_at datetime(3) not null,
    primary key (sm3, owner)
);
