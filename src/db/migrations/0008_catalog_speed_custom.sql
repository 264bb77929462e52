-- Custom SQL drizzle cannot express (INCLUDE columns), ADR 0511: the catalog's sort and kab/kota
-- indexes carry what its filters and search read, so a page's product ids come from an index-only
-- scan that tests the search text on the index entry, and only the page's rows are fetched.
DROP INDEX IF EXISTS "products_catalog_recent_idx";--> statement-breakpoint
CREATE INDEX "products_catalog_recent_idx" ON "products" USING btree ("id") INCLUDE ("search_text", "kabkota_code", "commodity", "ikm_id") WHERE "products"."published" and "products"."archived_at" is null;--> statement-breakpoint
DROP INDEX IF EXISTS "products_catalog_name_idx";--> statement-breakpoint
CREATE INDEX "products_catalog_name_idx" ON "products" USING btree (lower("name"),"id") INCLUDE ("name", "search_text", "kabkota_code", "commodity", "ikm_id") WHERE "products"."published" and "products"."archived_at" is null;--> statement-breakpoint
DROP INDEX IF EXISTS "products_catalog_price_idx";--> statement-breakpoint
CREATE INDEX "products_catalog_price_idx" ON "products" USING btree (coalesce("price_min", 999999999999999),"id") INCLUDE ("price_min", "search_text", "kabkota_code", "commodity", "ikm_id") WHERE "products"."published" and "products"."archived_at" is null;--> statement-breakpoint
DROP INDEX IF EXISTS "products_catalog_kabkota_idx";--> statement-breakpoint
CREATE INDEX "products_catalog_kabkota_idx" ON "products" USING btree ("kabkota_code","id") INCLUDE ("search_text", "commodity", "ikm_id") WHERE "products"."published" and "products"."archived_at" is null;
