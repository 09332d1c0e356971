-- Which report a dead letter was, when it could be read that far: auditors trace a rejected
-- report by its id.
ALTER TABLE dead_letter ADD COLUMN report_id uuid;
CREATE INDEX dead_letter_report ON dead_letter (report_id) WHERE report_id IS NOT NULL;
