CREATE TABLE "cycle_checklist_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cycle_id" uuid NOT NULL,
	"commodity" text NOT NULL,
	"code" text NOT NULL,
	"label_id" text NOT NULL,
	"label_en" text NOT NULL,
	"required" boolean NOT NULL,
	"file_kinds" text[] NOT NULL,
	"valid_on_deadline" boolean DEFAULT false NOT NULL,
	"satisfied_by" text[] DEFAULT '{}'::text[] NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "cycle_checklist_items_commodity_check" CHECK ("cycle_checklist_items"."commodity" in ('makanan_minuman', 'kain_tenun', 'kain_batik', 'anyaman', 'gerabah', 'lainnya')),
	CONSTRAINT "cycle_checklist_items_satisfied_by_check" CHECK ("cycle_checklist_items"."satisfied_by" <@ array['nib', 'pirt', 'bpom_md', 'halal', 'sni', 'trademark', 'lab_test', 'other']::text[])
);
--> statement-breakpoint
CREATE TABLE "cycle_commodities" (
	"cycle_id" uuid NOT NULL,
	"commodity" text NOT NULL,
	"rubric_version_ref" text,
	CONSTRAINT "cycle_commodities_cycle_id_commodity_pk" PRIMARY KEY("cycle_id","commodity"),
	CONSTRAINT "cycle_commodities_commodity_check" CHECK ("cycle_commodities"."commodity" in ('makanan_minuman', 'kain_tenun', 'kain_batik', 'anyaman', 'gerabah', 'lainnya'))
);
--> statement-breakpoint
CREATE TABLE "cycle_config_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cycle_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"reason" text,
	"snapshot" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cycle_extensions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cycle_id" uuid NOT NULL,
	"kabkota_code" text NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cycle_phases" (
	"cycle_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cycle_phases_cycle_id_phase_pk" PRIMARY KEY("cycle_id","phase"),
	CONSTRAINT "cycle_phases_phase_check" CHECK ("cycle_phases"."phase" in ('potential_identification', 'proposal', 'admin_selection', 'assessment', 'decision', 'publication')),
	CONSTRAINT "cycle_phases_order_check" CHECK ("cycle_phases"."starts_at" < "cycle_phases"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "cycle_quotas" (
	"cycle_id" uuid NOT NULL,
	"kabkota_code" text NOT NULL,
	"quota" integer NOT NULL,
	CONSTRAINT "cycle_quotas_cycle_id_kabkota_code_pk" PRIMARY KEY("cycle_id","kabkota_code"),
	CONSTRAINT "cycle_quotas_check" CHECK ("cycle_quotas"."quota" >= 0)
);
--> statement-breakpoint
CREATE TABLE "cycle_star_bands" (
	"cycle_id" uuid NOT NULL,
	"stars" integer NOT NULL,
	"min_score" numeric(6, 2) NOT NULL,
	"max_score" numeric(6, 2) NOT NULL,
	CONSTRAINT "cycle_star_bands_cycle_id_stars_pk" PRIMARY KEY("cycle_id","stars"),
	CONSTRAINT "cycle_star_bands_range_check" CHECK (0 <= "cycle_star_bands"."min_score" and "cycle_star_bands"."min_score" < "cycle_star_bands"."max_score" and "cycle_star_bands"."max_score" <= 100)
);
--> statement-breakpoint
CREATE TABLE "cycles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"star_scale" integer NOT NULL,
	"config_version" integer DEFAULT 1 NOT NULL,
	"frozen_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "cycles_kind_check" CHECK ("cycles"."kind" in ('provincial_preselection', 'national_award', 're_evaluation')),
	CONSTRAINT "cycles_star_scale_check" CHECK ("cycles"."star_scale" in (3, 5)),
	CONSTRAINT "cycles_year_check" CHECK ("cycles"."year" between 2000 and 2200)
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "outbox_emails" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid,
	"notification_id" uuid,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "outbox_emails_status_check" CHECK ("outbox_emails"."status" in ('pending', 'sent', 'failed', 'outbox_only'))
);
--> statement-breakpoint
ALTER TABLE "cycle_checklist_items" ADD CONSTRAINT "cycle_checklist_items_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_commodities" ADD CONSTRAINT "cycle_commodities_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_config_versions" ADD CONSTRAINT "cycle_config_versions_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_config_versions" ADD CONSTRAINT "cycle_config_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_extensions" ADD CONSTRAINT "cycle_extensions_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_extensions" ADD CONSTRAINT "cycle_extensions_kabkota_code_regions_code_fk" FOREIGN KEY ("kabkota_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_extensions" ADD CONSTRAINT "cycle_extensions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_phases" ADD CONSTRAINT "cycle_phases_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_quotas" ADD CONSTRAINT "cycle_quotas_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_quotas" ADD CONSTRAINT "cycle_quotas_kabkota_code_regions_code_fk" FOREIGN KEY ("kabkota_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_star_bands" ADD CONSTRAINT "cycle_star_bands_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD CONSTRAINT "outbox_emails_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD CONSTRAINT "outbox_emails_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cycle_checklist_items_code_key" ON "cycle_checklist_items" USING btree ("cycle_id","commodity","code");--> statement-breakpoint
CREATE UNIQUE INDEX "cycle_config_versions_number_key" ON "cycle_config_versions" USING btree ("cycle_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "cycle_extensions_kabkota_key" ON "cycle_extensions" USING btree ("cycle_id","kabkota_code");--> statement-breakpoint
CREATE INDEX "cycles_year_idx" ON "cycles" USING btree ("year");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("user_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "outbox_emails_created_idx" ON "outbox_emails" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "outbox_emails_pending_idx" ON "outbox_emails" USING btree ("created_at") WHERE "outbox_emails"."status" = 'pending';