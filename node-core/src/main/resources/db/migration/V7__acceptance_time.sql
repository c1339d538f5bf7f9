-- The instant a declarant's signature was judged valid at: at the province, when it accepted the declaration (its
-- 202); at central, that acceptance time as the province's signed envelope states it. A certificate that expires or
-- is revoked later does not undo a signature accepted before.
alter table document_signature add column valid_at datetime(3);
