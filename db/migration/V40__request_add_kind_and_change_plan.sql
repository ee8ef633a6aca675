-- What a request asks to do with its role (CREATE, CHANGE, DELETE, IMPORT); every earlier request
-- created a role.
ALTER TABLE role_request ADD COLUMN kind VARCHAR(16) NOT NULL DEFAULT 'CREATE';

-- For CHANGE and DELETE requests, each revision keeps the live role it was planned against and the
-- IAM calls planned (JSON), so that reviewers approve exactly those calls and apply can tell when
-- the role changed in AWS since.
ALTER TABLE role_request_revision ADD COLUMN change_plan TEXT;
