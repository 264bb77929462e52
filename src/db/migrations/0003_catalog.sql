CREATE TABLE "inquiries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"product_id" uuid NOT NULL,
	"ikm_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"kabkota_code" text NOT NULL,
	"name" text NOT NULL,
	"company" text,
	"country" text NOT NULL,
	"email" text NOT NULL,
	"quantity" text,
	"message" text NOT NULL,
	"lang" text NOT NULL,
	"state" text DEFAULT 'new' NOT NULL,
	"read_at" timestamp with time zone,
	"handled_at" timestamp with time zone,
	"handled_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "inquiries_state_check" CHECK ("inquiries"."state" in ('new', 'read', 'handled')),
	CONSTRAINT "inquiries_lang_check" CHECK ("inquiries"."lang" in ('id', 'en'))
);
--> statement-breakpoint
ALTER TABLE "ikm" ADD COLUMN "slug" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "slug" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "published" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_ikm_id_ikm_id_fk" FOREIGN KEY ("ikm_id") REFERENCES "public"."ikm"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inquiries_reference_key" ON "inquiries" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "inquiries_created_idx" ON "inquiries" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "inquiries_kabkota_created_idx" ON "inquiries" USING btree ("kabkota_code","created_at","id");--> statement-breakpoint
CREATE INDEX "inquiries_open_idx" ON "inquiries" USING btree ("kabkota_code") WHERE "inquiries"."state" <> 'handled';--> statement-breakpoint
CREATE INDEX "inquiries_product_idx" ON "inquiries" USING btree ("product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ikm_slug_key" ON "ikm" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "products_slug_key" ON "products" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "products_catalog_recent_idx" ON "products" USING btree ("id") WHERE "products"."published" and "products"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "products_catalog_name_idx" ON "products" USING btree (lower("name"),"id") WHERE "products"."published" and "products"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "products_catalog_price_idx" ON "products" USING btree (coalesce("price_min", 999999999999999),"id") WHERE "products"."published" and "products"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "products_catalog_kabkota_idx" ON "products" USING btree ("kabkota_code","id") WHERE "products"."published" and "products"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "products_catalog_commodity_idx" ON "products" USING btree ("commodity","id") WHERE "products"."published" and "products"."archived_at" is null;