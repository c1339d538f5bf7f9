-- GACC answers a partner's certificate the way it answers declarations: signed. The content it signed and its
-- signature are kept with the message as evidence. Payloads are sealed at rest like declarations from now on; rows
-- written before stay readable (an unsealed value opens as itself).
alter table as4_message add column result_signed longtext;
alter table as4_message add column result_signature longtext;
