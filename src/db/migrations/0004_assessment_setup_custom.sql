-- A published rubric version never changes: scores computed with it must stay reproducible. The
-- service refuses such edits with a message; this trigger refuses them from anywhere else too.
-- Only the row's bookkeeping may change (updated_at, version); it can never be deleted.
CREATE OR REPLACE FUNCTION rubric_versions_published_immutable() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status = 'published' THEN
      RAISE EXCEPTION 'rubric version % of % is published and cannot be deleted', OLD.number, OLD.commodity;
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'published' AND (
    NEW.status IS DISTINCT FROM OLD.status OR
    NEW.content IS DISTINCT FROM OLD.content OR
    NEW.weight_rule IS DISTINCT FROM OLD.weight_rule OR
    NEW.number IS DISTINCT FROM OLD.number OR
    NEW.commodity IS DISTINCT FROM OLD.commodity OR
    NEW.rubric_id IS DISTINCT FROM OLD.rubric_id OR
    NEW.published_at IS DISTINCT FROM OLD.published_at
  ) THEN
    RAISE EXCEPTION 'rubric version % of % is published and cannot change', OLD.number, OLD.commodity;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER rubric_versions_published_guard BEFORE UPDATE OR DELETE ON "rubric_versions"
  FOR EACH ROW EXECUTE FUNCTION rubric_versions_published_immutable();
