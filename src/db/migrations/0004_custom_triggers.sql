-- Custom SQL drizzle cannot express: catalog slugs (ADR 0501) and the published-rubric guard.
-- Catalog slugs (ADR 0501): the public address of an IKM or a product is made once from its name when
-- the row is inserted, whatever inserts it (a form, the API, an import, demo data), unique, and never
-- changed by a rename, so links and printed addresses keep working.

-- "Kain Tenun Ikat — Motif Ulerati!" → "kain-tenun-ikat-motif-ulerati" (accents dropped, at most 80).
CREATE OR REPLACE FUNCTION catalog_slug_base(name text, fallback text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(nullif(trim(BOTH '-' FROM left(trim(BOTH '-' FROM
    regexp_replace(coalesce(search_norm(name), ''), '[^a-z0-9]+', '-', 'g')), 80)), ''), fallback) $$;
--> statement-breakpoint
-- An IKM's slug: its name; taken → name and desa; still taken → name and a few characters of its id.
CREATE OR REPLACE FUNCTION catalog_ikm_slug(row_id uuid, name text, desa text) RETURNS text
  LANGUAGE plpgsql VOLATILE
  AS $$
DECLARE
  candidate text := catalog_slug_base(name, 'ikm');
  n int := 0;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM ikm WHERE slug = candidate) THEN RETURN candidate; END IF;
  IF desa IS NOT NULL THEN
    candidate := catalog_slug_base(name || ' ' || desa, 'ikm');
    IF NOT EXISTS (SELECT 1 FROM ikm WHERE slug = candidate) THEN RETURN candidate; END IF;
  END IF;
  LOOP
    candidate := left(catalog_slug_base(name, 'ikm'), 72) || '-' || substr(md5(row_id::text || n), 1, 6);
    IF NOT EXISTS (SELECT 1 FROM ikm WHERE slug = candidate) THEN RETURN candidate; END IF;
    n := n + 1;
  END LOOP;
END $$;
--> statement-breakpoint
-- A product's slug: its name; taken → name and its IKM's name; still taken → name and a few
-- characters of its id.
CREATE OR REPLACE FUNCTION catalog_product_slug(row_id uuid, name text, owner uuid) RETURNS text
  LANGUAGE plpgsql VOLATILE
  AS $$
DECLARE
  candidate text := catalog_slug_base(name, 'produk');
  owner_name text;
  n int := 0;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM products WHERE slug = candidate) THEN RETURN candidate; END IF;
  SELECT i.name INTO owner_name FROM ikm i WHERE i.id = owner;
  IF owner_name IS NOT NULL THEN
    candidate := catalog_slug_base(name || ' ' || owner_name, 'produk');
    IF NOT EXISTS (SELECT 1 FROM products WHERE slug = candidate) THEN RETURN candidate; END IF;
  END IF;
  LOOP
    candidate := left(catalog_slug_base(name, 'produk'), 72) || '-' || substr(md5(row_id::text || n), 1, 6);
    IF NOT EXISTS (SELECT 1 FROM products WHERE slug = candidate) THEN RETURN candidate; END IF;
    n := n + 1;
  END LOOP;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION catalog_ikm_slug_trigger() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF NEW.slug IS NULL THEN NEW.slug := catalog_ikm_slug(NEW.id, NEW.name, NEW.desa); END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION catalog_product_slug_trigger() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF NEW.slug IS NULL THEN NEW.slug := catalog_product_slug(NEW.id, NEW.name, NEW.ikm_id); END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
-- Only on INSERT: an UPDATE (a rename) keeps the slug. A row-level BEFORE trigger sees the rows that
-- the same statement inserted before it, so a multi-row insert gets distinct slugs too.
CREATE TRIGGER catalog_ikm_slug BEFORE INSERT ON ikm
  FOR EACH ROW EXECUTE FUNCTION catalog_ikm_slug_trigger();
--> statement-breakpoint
CREATE TRIGGER catalog_product_slug BEFORE INSERT ON products
  FOR EACH ROW EXECUTE FUNCTION catalog_product_slug_trigger();
--> statement-breakpoint
-- The rows that existed before this migration: one statement per row, oldest first, so each sees the
-- slugs given before it.
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT id, name, desa FROM ikm WHERE slug IS NULL ORDER BY id LOOP
    UPDATE ikm SET slug = catalog_ikm_slug(r.id, r.name, r.desa) WHERE id = r.id;
  END LOOP;
  FOR r IN SELECT id, name, ikm_id FROM products WHERE slug IS NULL ORDER BY id LOOP
    UPDATE products SET slug = catalog_product_slug(r.id, r.name, r.ikm_id) WHERE id = r.id;
  END LOOP;
END $$;

--> statement-breakpoint
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
