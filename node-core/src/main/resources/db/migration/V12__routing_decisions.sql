-- The routing decision applied to each agency of a declaration, kept with it (central): the fields the rule granted
-- (a JSON array of paths) and, for a follow-up, the receipt it waits for. Follow-ups and officers' views read these,
-- never the rules as they are today. Rows routed before this version have none (null).
alter table declaration_agency add column granted text;
alter table declaration_agency add column after_agency varchar(16);
alter table declaration_agency add column after_status varchar(20);
