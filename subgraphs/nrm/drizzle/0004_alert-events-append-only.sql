-- An alert's history (who raised, acknowledged and closed it) is append-only:
-- updates, deletes and truncation of alert_events are refused.
CREATE FUNCTION "alert_events_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'alert_events is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "alert_events_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "alert_events" FOR EACH STATEMENT EXECUTE FUNCTION "alert_events_refuse_change"();
