-- Custom SQL migration file, put your code below! --
-- The audit log is append-only: UPDATE, DELETE and TRUNCATE are refused.
-- Whoever drops this trigger can still change rows, but not without breaking
-- the hash chain, which `npm run audit:verify` checks.
CREATE FUNCTION "audit_log_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_refuse_change"();
