CREATE TABLE "ikm" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"kabkota_code" text NOT NULL,
	"kecamatan_code" text,
	"desa" text,
	"address" text,
	"name" text NOT NULL,
	"owner_name" text NOT NULL,
	"nib" text,
	"kbli" text,
	"phone" text,
	"email" text,
	"sentra_id" uuid,
	"workforce_men" integer,
	"workforce_women" integer,
	"workforce_total" integer GENERATED ALWAYS AS (coalesce(workforce_men, 0) + coalesce(workforce_women, 0)) STORED NOT NULL,
	"investment" bigint,
	"size_class" text,
	"capacity_qty" numeric(14, 2),
	"capacity_unit" text,
	"capacity_period" text,
	"owner_user_id" uuid,
	"contact_public" boolean DEFAULT false NOT NULL,
	"contact_consent_at" timestamp with time zone,
	"notes" text,
	"search_text" text DEFAULT '' NOT NULL,
	"commodities" text[] DEFAULT '{}'::text[] NOT NULL,
	"min_expiry" date,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "ikm_nib_check" CHECK ("ikm"."nib" is null or "ikm"."nib" ~ '^[0-9]{13}$'),
	CONSTRAINT "ikm_kbli_check" CHECK ("ikm"."kbli" is null or "ikm"."kbli" ~ '^[0-9]{5}$'),
	CONSTRAINT "ikm_phone_check" CHECK ("ikm"."phone" is null or "ikm"."phone" ~ '^\+[1-9][0-9]{6,14}$'),
	CONSTRAINT "ikm_workforce_check" CHECK (coalesce("ikm"."workforce_men", 0) >= 0 and coalesce("ikm"."workforce_women", 0) >= 0),
	CONSTRAINT "ikm_investment_check" CHECK ("ikm"."investment" is null or "ikm"."investment" >= 0),
	CONSTRAINT "ikm_size_class_check" CHECK ("ikm"."size_class" is null or "ikm"."size_class" in ('kecil', 'menengah', 'besar')),
	CONSTRAINT "ikm_capacity_unit_check" CHECK ("ikm"."capacity_unit" is null or "ikm"."capacity_unit" in ('kg', 'ton', 'liter', 'botol', 'bungkus', 'kotak', 'pcs', 'lembar', 'meter', 'set', 'unit')),
	CONSTRAINT "ikm_capacity_period_check" CHECK ("ikm"."capacity_period" is null or "ikm"."capacity_period" in ('day', 'week', 'month', 'year'))
);
--> statement-breakpoint
CREATE TABLE "legal_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"ikm_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"kabkota_code" text NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"issuer" text,
	"issue_date" date,
	"expiry_date" date,
	"file_sha256" text,
	"file_name" text,
	"file_mime" text,
	"notes" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "legal_documents_kind_check" CHECK ("legal_documents"."kind" in ('nib', 'pirt', 'bpom_md', 'halal', 'sni', 'trademark')),
	CONSTRAINT "legal_documents_dates_check" CHECK ("legal_documents"."issue_date" is null or "legal_documents"."expiry_date" is null or "legal_documents"."expiry_date" >= "legal_documents"."issue_date")
);
--> statement-breakpoint
CREATE TABLE "potential_commodities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kabkota_code" text NOT NULL,
	"province_code" text NOT NULL,
	"name" text NOT NULL,
	"commodity" text NOT NULL,
	"keyword" text,
	"position" integer DEFAULT 0 NOT NULL,
	"sda_description" text,
	"sda_quantity" numeric(14, 2),
	"sda_unit" text,
	"sda_source" text,
	"sda_year" integer,
	"sdm_artisans" integer,
	"sdm_description" text,
	"training_centres" text,
	"uniqueness" text,
	"local_wisdom" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "potential_commodities_commodity_check" CHECK ("potential_commodities"."commodity" in ('makanan_minuman', 'kain_tenun', 'kain_batik', 'anyaman', 'gerabah', 'lainnya')),
	CONSTRAINT "potential_commodities_year_check" CHECK ("potential_commodities"."sda_year" is null or "potential_commodities"."sda_year" between 1900 and 2200)
);
--> statement-breakpoint
CREATE TABLE "potential_profiles" (
	"kabkota_code" text PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"overview" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_photos" (
	"id" uuid PRIMARY KEY NOT NULL,
	"product_id" uuid NOT NULL,
	"kabkota_code" text NOT NULL,
	"file_sha256" text NOT NULL,
	"file_mime" text NOT NULL,
	"file_name" text,
	"thumb_sha256" text NOT NULL,
	"display_sha256" text NOT NULL,
	"width" integer,
	"height" integer,
	"caption" text,
	"position" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY NOT NULL,
	"ikm_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"kabkota_code" text NOT NULL,
	"name" text NOT NULL,
	"commodity" text NOT NULL,
	"description_id" text,
	"description_en" text,
	"story_id" text,
	"story_en" text,
	"local_material_pct" numeric(5, 2),
	"price_min" bigint,
	"price_max" bigint,
	"capacity_qty" numeric(14, 2),
	"capacity_unit" text,
	"capacity_period" text,
	"hs_code" text,
	"packaging" text,
	"certifications" text,
	"cover_photo_id" uuid,
	"search_text" text DEFAULT '' NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "products_commodity_check" CHECK ("products"."commodity" in ('makanan_minuman', 'kain_tenun', 'kain_batik', 'anyaman', 'gerabah', 'lainnya')),
	CONSTRAINT "products_hs_code_check" CHECK ("products"."hs_code" is null or "products"."hs_code" ~ '^[0-9]{6,10}$'),
	CONSTRAINT "products_local_material_check" CHECK ("products"."local_material_pct" is null or ("products"."local_material_pct" >= 0 and "products"."local_material_pct" <= 100)),
	CONSTRAINT "products_price_check" CHECK (("products"."price_min" is null or "products"."price_min" >= 0) and ("products"."price_min" is null or "products"."price_max" is null or "products"."price_max" >= "products"."price_min")),
	CONSTRAINT "products_capacity_unit_check" CHECK ("products"."capacity_unit" is null or "products"."capacity_unit" in ('kg', 'ton', 'liter', 'botol', 'bungkus', 'kotak', 'pcs', 'lembar', 'meter', 'set', 'unit')),
	CONSTRAINT "products_capacity_period_check" CHECK ("products"."capacity_period" is null or "products"."capacity_period" in ('day', 'week', 'month', 'year'))
);
--> statement-breakpoint
CREATE TABLE "sentra" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"kabkota_code" text NOT NULL,
	"kecamatan_code" text,
	"desa" text,
	"name" text NOT NULL,
	"commodity" text NOT NULL,
	"product_focus" text,
	"decree_number" text,
	"decree_date" date,
	"decree_file_sha256" text,
	"decree_file_name" text,
	"decree_file_mime" text,
	"unit_count" integer,
	"lead_ikm_id" uuid,
	"notes" text,
	"search_text" text DEFAULT '' NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "sentra_commodity_check" CHECK ("sentra"."commodity" in ('makanan_minuman', 'kain_tenun', 'kain_batik', 'anyaman', 'gerabah', 'lainnya')),
	CONSTRAINT "sentra_unit_count_check" CHECK ("sentra"."unit_count" is null or "sentra"."unit_count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "ikm" ADD CONSTRAINT "ikm_kabkota_code_regions_code_fk" FOREIGN KEY ("kabkota_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ikm" ADD CONSTRAINT "ikm_kecamatan_code_regions_code_fk" FOREIGN KEY ("kecamatan_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ikm" ADD CONSTRAINT "ikm_sentra_id_sentra_id_fk" FOREIGN KEY ("sentra_id") REFERENCES "public"."sentra"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ikm" ADD CONSTRAINT "ikm_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_documents" ADD CONSTRAINT "legal_documents_ikm_id_ikm_id_fk" FOREIGN KEY ("ikm_id") REFERENCES "public"."ikm"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_documents" ADD CONSTRAINT "legal_documents_file_sha256_files_sha256_fk" FOREIGN KEY ("file_sha256") REFERENCES "public"."files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "potential_commodities" ADD CONSTRAINT "potential_commodities_kabkota_code_regions_code_fk" FOREIGN KEY ("kabkota_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "potential_profiles" ADD CONSTRAINT "potential_profiles_kabkota_code_regions_code_fk" FOREIGN KEY ("kabkota_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_photos" ADD CONSTRAINT "product_photos_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_photos" ADD CONSTRAINT "product_photos_file_sha256_files_sha256_fk" FOREIGN KEY ("file_sha256") REFERENCES "public"."files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_photos" ADD CONSTRAINT "product_photos_thumb_sha256_files_sha256_fk" FOREIGN KEY ("thumb_sha256") REFERENCES "public"."files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_photos" ADD CONSTRAINT "product_photos_display_sha256_files_sha256_fk" FOREIGN KEY ("display_sha256") REFERENCES "public"."files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_ikm_id_ikm_id_fk" FOREIGN KEY ("ikm_id") REFERENCES "public"."ikm"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sentra" ADD CONSTRAINT "sentra_kabkota_code_regions_code_fk" FOREIGN KEY ("kabkota_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sentra" ADD CONSTRAINT "sentra_kecamatan_code_regions_code_fk" FOREIGN KEY ("kecamatan_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sentra" ADD CONSTRAINT "sentra_decree_file_sha256_files_sha256_fk" FOREIGN KEY ("decree_file_sha256") REFERENCES "public"."files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sentra" ADD CONSTRAINT "sentra_lead_ikm_id_ikm_id_fk" FOREIGN KEY ("lead_ikm_id") REFERENCES "public"."ikm"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ikm_nib_key" ON "ikm" USING btree ("nib") WHERE "ikm"."nib" is not null and "ikm"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "ikm_name_idx" ON "ikm" USING btree (lower("name"),"id") WHERE "ikm"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "ikm_kabkota_name_idx" ON "ikm" USING btree ("kabkota_code",lower("name"),"id") WHERE "ikm"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "ikm_workforce_idx" ON "ikm" USING btree ("workforce_total","id") WHERE "ikm"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "ikm_kabkota_id_idx" ON "ikm" USING btree ("kabkota_code","id") WHERE "ikm"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "ikm_kecamatan_idx" ON "ikm" USING btree ("kecamatan_code");--> statement-breakpoint
CREATE INDEX "ikm_sentra_idx" ON "ikm" USING btree ("sentra_id");--> statement-breakpoint
CREATE INDEX "ikm_owner_idx" ON "ikm" USING btree ("owner_user_id");--> statement-breakpoint
CREATE INDEX "ikm_min_expiry_idx" ON "ikm" USING btree ("min_expiry") WHERE "ikm"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "ikm_commodities_idx" ON "ikm" USING gin ("commodities");--> statement-breakpoint
CREATE INDEX "ikm_search_idx" ON "ikm" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "legal_documents_ikm_idx" ON "legal_documents" USING btree ("ikm_id");--> statement-breakpoint
CREATE INDEX "legal_documents_kabkota_expiry_idx" ON "legal_documents" USING btree ("kabkota_code","expiry_date") WHERE "legal_documents"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "potential_commodities_kabkota_idx" ON "potential_commodities" USING btree ("kabkota_code","position");--> statement-breakpoint
CREATE INDEX "product_photos_product_idx" ON "product_photos" USING btree ("product_id","position");--> statement-breakpoint
CREATE INDEX "products_ikm_idx" ON "products" USING btree ("ikm_id");--> statement-breakpoint
CREATE INDEX "products_name_idx" ON "products" USING btree (lower("name"),"id") WHERE "products"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "products_kabkota_name_idx" ON "products" USING btree ("kabkota_code",lower("name"),"id") WHERE "products"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "products_search_idx" ON "products" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "sentra_kabkota_name_idx" ON "sentra" USING btree ("kabkota_code",lower("name"),"id") WHERE "sentra"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "sentra_name_idx" ON "sentra" USING btree (lower("name"),"id") WHERE "sentra"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "sentra_search_idx" ON "sentra" USING gin ("search_text" gin_trgm_ops);