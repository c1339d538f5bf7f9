-- Attachments (随附单证, issue 27): files by the SM3 hash of their bytes, per uploading enterprise; the files
-- themselves are sealed on disk (sw.data-dir/attachments). declaration_attachment: the files each document names,
-- from the version that first named them. attachment_piece: the pieces of a file that reached this node.
create table attachment (
    sm3         varchar(64)  not null,
    owner       varchar(18)  not null,
    code        varchar(8)   not null,
    file_name   varchar(255) not null,
    media_type  varchar(40)  not null,
    size        bigint       not null,
    uploaded_by varchar(120) not null,
    uploaded_at datetime(3)  not null,
    complete    boolean      not null,
    primary key (sm3, owner)
);

create table declaration_attachment (
    declaration_id varchar(36) not null,
    sm3            varchar(64) not null,
    owner          varchar(18) not null,
    version        int         not null,
    primary key (declaration_id, sm3)
);

create table attachment_piece (
    sm3   varchar(64) not null,
    piece int         not null,
    primary key (sm3, piece)
);
