-- A report belongs to its office: its id is unique within that office, not across offices. An
-- office that files another office's id (by malice or a buggy client) files a report of its own;
-- it neither takes over nor hides the other's, whatever the order they arrive in.
ALTER TABLE report DROP CONSTRAINT report_pkey;
ALTER TABLE report ADD PRIMARY KEY (office_id, report_id);
-- Auditors and dead letters still find a report by its id alone.
CREATE INDEX report_report_id ON report (report_id);

-- Who filed it: the person (the token's subject), beside the office it belongs to. Null for
-- reports filed before offices and people were told apart.
ALTER TABLE report ADD COLUMN filed_by varchar(128);

-- Who asked for a withdrawal, and whether an admin did (for another office).
ALTER TABLE report_withdrawal ADD COLUMN filed_by varchar(128);
ALTER TABLE report_withdrawal ADD COLUMN by_admin boolean NOT NULL DEFAULT false;
