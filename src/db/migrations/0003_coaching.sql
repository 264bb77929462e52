CREATE TABLE "coaching_outcome_photos" (
	"id" uuid PRIMARY KEY NOT NULL,
	"outcome_id" uuid NOT NULL,
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
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_outcomes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"programme_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"ikm_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"kabkota_code" text NOT NULL,
	"kind" text NOT NULL,
	"document_kind" text,
	"evidence_number" text,
	"description" text,
	"achieved_on" date NOT NULL,
	"value_rp" bigint,
	"legal_document_id" uuid,
	"recorded_by" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "coaching_outcomes_kind_check" CHECK ("coaching_outcomes"."kind" in ('certificate_obtained', 'training_completed', 'new_packaging', 'equipment_received', 'new_market', 'production_improved', 'other')),
	CONSTRAINT "coaching_outcomes_document_check" CHECK (("coaching_outcomes"."kind" <> 'certificate_obtained' or ("coaching_outcomes"."document_kind" is not null and "coaching_outcomes"."evidence_number" is not null)) and ("coaching_outcomes"."document_kind" is null or "coaching_outcomes"."document_kind" in ('nib', 'pirt', 'bpom_md', 'halal', 'sni', 'trademark'))),
	CONSTRAINT "coaching_outcomes_value_check" CHECK ("coaching_outcomes"."value_rp" is null or "coaching_outcomes"."value_rp" >= 0)
);
--> statement-breakpoint
CREATE TABLE "coaching_participants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"programme_id" uuid NOT NULL,
	"ikm_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"kabkota_code" text NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"recommendation_id" uuid,
	"notes" text,
	"enrolled_by" uuid,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coaching_participants_source_check" CHECK ("coaching_participants"."source" in ('manual', 'recommendation'))
);
--> statement-breakpoint
CREATE TABLE "coaching_programme_partners" (
	"id" uuid PRIMARY KEY NOT NULL,
	"programme_id" uuid NOT NULL,
	"stakeholder_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_programmes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"kabkota_code" text,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"certification_kind" text,
	"funding_source" text NOT NULL,
	"level" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"budget_rp" bigint,
	"venue" text,
	"organiser" text,
	"description" text,
	"created_by" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "coaching_programmes_kind_check" CHECK ("coaching_programmes"."kind" in ('training', 'packaging_branding', 'certification', 'export_coaching', 'equipment', 'promotion')),
	CONSTRAINT "coaching_programmes_certification_check" CHECK (("coaching_programmes"."kind" = 'certification') = ("coaching_programmes"."certification_kind" is not null) and ("coaching_programmes"."certification_kind" is null or "coaching_programmes"."certification_kind" in ('nib', 'pirt', 'bpom_md', 'halal', 'sni', 'trademark'))),
	CONSTRAINT "coaching_programmes_funding_check" CHECK ("coaching_programmes"."funding_source" in ('apbd_provinsi', 'apbd_kabkota', 'tugas_pembantuan', 'apbn', 'partner')),
	CONSTRAINT "coaching_programmes_level_check" CHECK ("coaching_programmes"."level" in ('centre', 'province', 'kabkota')),
	CONSTRAINT "coaching_programmes_owner_check" CHECK (("coaching_programmes"."level" = 'kabkota') = ("coaching_programmes"."kabkota_code" is not null)),
	CONSTRAINT "coaching_programmes_period_check" CHECK ("coaching_programmes"."end_date" is null or "coaching_programmes"."end_date" >= "coaching_programmes"."start_date"),
	CONSTRAINT "coaching_programmes_budget_check" CHECK ("coaching_programmes"."budget_rp" is null or "coaching_programmes"."budget_rp" >= 0)
);
--> statement-breakpoint
CREATE TABLE "coaching_recommendations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"ikm_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"kabkota_code" text NOT NULL,
	"source" text NOT NULL,
	"cycle_id" uuid,
	"source_ref" text,
	"criterion_code" text,
	"coaching_kind" text NOT NULL,
	"certification_kind" text,
	"text" text NOT NULL,
	"lost_points" numeric(6, 2),
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acted_on_programme_id" uuid,
	"acted_on_at" timestamp with time zone,
	"dismissed_at" timestamp with time zone,
	CONSTRAINT "coaching_recommendations_source_check" CHECK ("coaching_recommendations"."source" in ('gap_analysis', 'manual')),
	CONSTRAINT "coaching_recommendations_kind_check" CHECK ("coaching_recommendations"."coaching_kind" in ('training', 'packaging_branding', 'certification', 'export_coaching', 'equipment', 'promotion')),
	CONSTRAINT "coaching_recommendations_certification_check" CHECK ("coaching_recommendations"."certification_kind" is null or ("coaching_recommendations"."coaching_kind" = 'certification' and "coaching_recommendations"."certification_kind" in ('nib', 'pirt', 'bpom_md', 'halal', 'sni', 'trademark')))
);
--> statement-breakpoint
ALTER TABLE "coaching_outcome_photos" ADD CONSTRAINT "coaching_outcome_photos_outcome_id_coaching_outcomes_id_fk" FOREIGN KEY ("outcome_id") REFERENCES "public"."coaching_outcomes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_outcome_photos" ADD CONSTRAINT "coaching_outcome_photos_file_sha256_files_sha256_fk" FOREIGN KEY ("file_sha256") REFERENCES "public"."files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_outcome_photos" ADD CONSTRAINT "coaching_outcome_photos_thumb_sha256_files_sha256_fk" FOREIGN KEY ("thumb_sha256") REFERENCES "public"."files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_outcome_photos" ADD CONSTRAINT "coaching_outcome_photos_display_sha256_files_sha256_fk" FOREIGN KEY ("display_sha256") REFERENCES "public"."files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_outcomes" ADD CONSTRAINT "coaching_outcomes_programme_id_coaching_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."coaching_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_outcomes" ADD CONSTRAINT "coaching_outcomes_participant_id_coaching_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."coaching_participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_outcomes" ADD CONSTRAINT "coaching_outcomes_ikm_id_ikm_id_fk" FOREIGN KEY ("ikm_id") REFERENCES "public"."ikm"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_outcomes" ADD CONSTRAINT "coaching_outcomes_legal_document_id_legal_documents_id_fk" FOREIGN KEY ("legal_document_id") REFERENCES "public"."legal_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_outcomes" ADD CONSTRAINT "coaching_outcomes_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_participants" ADD CONSTRAINT "coaching_participants_programme_id_coaching_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."coaching_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_participants" ADD CONSTRAINT "coaching_participants_ikm_id_ikm_id_fk" FOREIGN KEY ("ikm_id") REFERENCES "public"."ikm"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_participants" ADD CONSTRAINT "coaching_participants_enrolled_by_users_id_fk" FOREIGN KEY ("enrolled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_programme_partners" ADD CONSTRAINT "coaching_programme_partners_programme_id_coaching_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."coaching_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_programme_partners" ADD CONSTRAINT "coaching_programme_partners_stakeholder_id_stakeholders_id_fk" FOREIGN KEY ("stakeholder_id") REFERENCES "public"."stakeholders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_programmes" ADD CONSTRAINT "coaching_programmes_kabkota_code_regions_code_fk" FOREIGN KEY ("kabkota_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_programmes" ADD CONSTRAINT "coaching_programmes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_recommendations" ADD CONSTRAINT "coaching_recommendations_ikm_id_ikm_id_fk" FOREIGN KEY ("ikm_id") REFERENCES "public"."ikm"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_recommendations" ADD CONSTRAINT "coaching_recommendations_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_recommendations" ADD CONSTRAINT "coaching_recommendations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_recommendations" ADD CONSTRAINT "coaching_recommendations_acted_on_programme_id_coaching_programmes_id_fk" FOREIGN KEY ("acted_on_programme_id") REFERENCES "public"."coaching_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coaching_outcome_photos_outcome_idx" ON "coaching_outcome_photos" USING btree ("outcome_id","position");--> statement-breakpoint
CREATE INDEX "coaching_outcomes_programme_idx" ON "coaching_outcomes" USING btree ("programme_id","participant_id");--> statement-breakpoint
CREATE INDEX "coaching_outcomes_ikm_idx" ON "coaching_outcomes" USING btree ("ikm_id","achieved_on");--> statement-breakpoint
CREATE INDEX "coaching_outcomes_kabkota_idx" ON "coaching_outcomes" USING btree ("kabkota_code","achieved_on");--> statement-breakpoint
CREATE UNIQUE INDEX "coaching_participants_live_key" ON "coaching_participants" USING btree ("programme_id","ikm_id") WHERE "coaching_participants"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "coaching_participants_programme_idx" ON "coaching_participants" USING btree ("programme_id","kabkota_code");--> statement-breakpoint
CREATE INDEX "coaching_participants_ikm_idx" ON "coaching_participants" USING btree ("ikm_id");--> statement-breakpoint
CREATE UNIQUE INDEX "coaching_programme_partners_key" ON "coaching_programme_partners" USING btree ("programme_id","stakeholder_id");--> statement-breakpoint
CREATE INDEX "coaching_programme_partners_stakeholder_idx" ON "coaching_programme_partners" USING btree ("stakeholder_id");--> statement-breakpoint
CREATE INDEX "coaching_programmes_start_idx" ON "coaching_programmes" USING btree ("start_date","id") WHERE "coaching_programmes"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "coaching_programmes_kabkota_idx" ON "coaching_programmes" USING btree ("kabkota_code","start_date","id") WHERE "coaching_programmes"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "coaching_programmes_kind_idx" ON "coaching_programmes" USING btree ("kind","end_date") WHERE "coaching_programmes"."archived_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "coaching_recommendations_source_key" ON "coaching_recommendations" USING btree ("ikm_id","source","source_ref","criterion_code") WHERE "coaching_recommendations"."source_ref" is not null;--> statement-breakpoint
CREATE INDEX "coaching_recommendations_open_idx" ON "coaching_recommendations" USING btree ("created_at","id") WHERE "coaching_recommendations"."acted_on_programme_id" is null and "coaching_recommendations"."dismissed_at" is null;--> statement-breakpoint
CREATE INDEX "coaching_recommendations_open_kabkota_idx" ON "coaching_recommendations" USING btree ("kabkota_code","created_at","id") WHERE "coaching_recommendations"."acted_on_programme_id" is null and "coaching_recommendations"."dismissed_at" is null;--> statement-breakpoint
CREATE INDEX "coaching_recommendations_ikm_idx" ON "coaching_recommendations" USING btree ("ikm_id","created_at");