-- Outbox rows that cannot be published (a body that does not open, a destination the broker refuses) are parked with
-- the reason instead of blocking the rows behind them; operators replay or discard them. Relays claim rows with
-- SELECT ... FOR UPDATE SKIP LOCKED (MySQL 8, MariaDB 10.6+, H2 2.x), so two relays never publish the same row.
alter table outbox add column parked_at datetime(3);
alter table outbox add column park_reason varchar(500);
-- (no index on parked_at: the outbox stays small, and with an index on (parked_at, id) H2 2.4's SKIP LOCKED returned
-- no row at all while another transaction held the first ones)
