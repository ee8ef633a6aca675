-- Why a request's risk level is above its most severe finding (e.g. "raised from HIGH: a compute
-- service can assume this role"), so that the badge in lists and on the request page says why.
ALTER TABLE role_request
    ADD COLUMN risk_reason VARCHAR(256);
