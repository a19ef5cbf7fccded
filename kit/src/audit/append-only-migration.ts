/**
 * The one source of the audit log's append-only trigger: every subgraph's
 * `drizzle/0002_audit-append-only.sql` (and the kit's own test migration) is
 * written from this text by `npm run codegen`, and a test fails when a copy
 * differs. A trigger cannot stop someone who drops it; the hash chain and the
 * witness catch what they then change.
 */
export const AUDIT_APPEND_ONLY_MIGRATION = `-- Custom SQL migration file, put your code below! --
-- The audit log is append-only: UPDATE, DELETE and TRUNCATE are refused.
-- Whoever drops this trigger can still change rows, but not without breaking
-- the hash chain, which \`npm run audit:verify\` checks.
CREATE FUNCTION "audit_log_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_refuse_change"();
`;
