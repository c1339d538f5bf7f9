-- A cancellation's signature (the declarant's, or its broker's, over {"declarationId", "reasonCode", "reasonText"},
-- or its signed DecWithdrawal) kept with the request at both nodes, as an amendment's is kept with its version.
alter table declaration_change add column signature longtext;
