-- Every request central sent to a ministry, kept (sealed) until the agency's part is final: a ministry that lost
-- a request or its later receipt (a crash on its side) is asked again with the same request and message id, which
-- it recognizes and answers with the request's current state (see StaleRequests).
create table agency_request (
    message_id     varchar(80)  not null,
    declaration_id varchar(36)  not null,
    agency         varchar(16)  not null,
    queue_name     varchar(120) not null,
    body           longtext     not null,
    sent_at        datetime(3)  not null,
    asked_at       datetime(3)  not null,
    asks           int          not null,
    primary key (message_id)
);
create index ix_agency_request_declaration on agency_request (declaration_id, agency);
create index ix_agency_request_asked on agency_request (asked_at);
