-- Appends the rows of the temporary table bench_event (columns seq, occurred_at, actor, action,
-- request_id, account_id, role_name, details; appended in seq order) to the audit trail as chained
-- events, exactly as the console appends one (AuditEventRepository.insert and AuditChain): holding the
-- append lock, each takes the next event id and its hash is
--   HMAC-SHA-256(key, "rolecall.audit.v1\n" || prev_hash || canonical(event))
-- with the canonical form of AuditChain (each field as its UTF-8 byte length, ':', the bytes, ';', and
-- a missing value as '~'). HMAC is built from PostgreSQL's own sha256() (RFC 2104), so no extension is
-- needed: the schema's owner may not create extensions in the embedded database.
-- Used by bench/generate.sql and AuditChainBenchmark. Defines two functions in pg_temp, so they exist
-- for this session only:
--   SELECT pg_temp.rolecall_append_chained(decode('<base64 key>', 'base64'), '<key id>');

CREATE OR REPLACE FUNCTION pg_temp.rolecall_chain_field(v text) RETURNS bytea
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN v IS NULL THEN '\x7e'::bytea
                ELSE convert_to(octet_length(convert_to(v, 'UTF8'))::text || ':', 'UTF8')
                     || convert_to(v, 'UTF8') || '\x3b'::bytea END
$$;

CREATE OR REPLACE FUNCTION pg_temp.rolecall_append_chained(key bytea, key_id text) RETURNS bigint
    LANGUAGE plpgsql AS $$
DECLARE
    k      bytea := CASE WHEN octet_length(key) > 64 THEN sha256(key) ELSE key END;
    ipad   bytea;
    opad   bytea;
    prefix bytea := convert_to(E'rolecall.audit.v1\n', 'UTF8');
    kid    bytea := pg_temp.rolecall_chain_field(key_id);
    prev   bytea;
    h      bytea;
    id     bigint;
    n      bigint := 0;
    r      record;
BEGIN
    k := k || decode(repeat('00', 64 - octet_length(k)), 'hex');
    ipad := k;
    opad := k;
    FOR i IN 0..63 LOOP
        ipad := set_byte(ipad, i, get_byte(k, i) # 54);
        opad := set_byte(opad, i, get_byte(k, i) # 92);
    END LOOP;
    -- AuditChain.APPEND_LOCK: the console's writers wait until this transaction commits.
    PERFORM pg_advisory_xact_lock(23154895972747604);
    SELECT hash INTO prev FROM audit_event WHERE hash IS NOT NULL ORDER BY event_id DESC LIMIT 1;
    prev := coalesce(prev, decode(repeat('00', 32), 'hex'));
    FOR r IN SELECT * FROM bench_event ORDER BY seq LOOP
        id := nextval('audit_event_event_id_seq');
        h := sha256(opad || sha256(ipad || prefix || prev || kid
                || pg_temp.rolecall_chain_field(id::text)
                || pg_temp.rolecall_chain_field(
                       to_char(r.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
                || pg_temp.rolecall_chain_field(r.actor)
                || pg_temp.rolecall_chain_field(r.action)
                || pg_temp.rolecall_chain_field(r.request_id::text)
                || pg_temp.rolecall_chain_field(r.account_id)
                || pg_temp.rolecall_chain_field(r.role_name)
                || pg_temp.rolecall_chain_field(r.details)));
        INSERT INTO audit_event (event_id, occurred_at, actor, action, request_id, account_id, role_name, details,
                                 chain_key_id, prev_hash, hash)
        OVERRIDING SYSTEM VALUE
        VALUES (id, r.occurred_at, r.actor, r.action, r.request_id, r.account_id, r.role_name, r.details,
                key_id, prev, h);
        prev := h;
        n := n + 1;
    END LOOP;
    RETURN n;
END
$$;
