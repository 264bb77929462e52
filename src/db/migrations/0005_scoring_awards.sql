CREATE TABLE "assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cycle_id" uuid NOT NULL,
	"nomination_id" uuid NOT NULL,
	"assessor_id" uuid NOT NULL,
	"kabkota_code" text NOT NULL,
	"method" text NOT NULL,
	"reason" jsonb,
	"assigned_by" uuid,
	"notified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignments_method_check" CHECK ("assignments"."method" in ('manual', 'bulk', 'auto'))
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"nomination_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"ikm_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"kabkota_code" text NOT NULL,
	"stars" integer NOT NULL,
	"number" text NOT NULL,
	"code" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revoke_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certificates_stars_check" CHECK ("certificates"."stars" between 1 and 5),
	CONSTRAINT "certificates_validity_check" CHECK ("certificates"."valid_from" <= "certificates"."valid_until"),
	CONSTRAINT "certificates_revoked_check" CHECK (("certificates"."revoked_at" is null) = ("certificates"."revoke_reason" is null))
);
--> statement-breakpoint
CREATE TABLE "cycle_assessment_settings" (
	"cycle_id" uuid PRIMARY KEY NOT NULL,
	"assessors_per_nomination" integer DEFAULT 3 NOT NULL,
	"results_options" jsonb NOT NULL,
	"gates" jsonb NOT NULL,
	"coaching_map" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "cycle_assessment_settings_k_check" CHECK ("cycle_assessment_settings"."assessors_per_nomination" between 1 and 9)
);
--> statement-breakpoint
CREATE TABLE "cycle_publications" (
	"cycle_id" uuid PRIMARY KEY NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid
);
--> statement-breakpoint
CREATE TABLE "moderation_posts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"nomination_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nomination_results" (
	"nomination_id" uuid PRIMARY KEY NOT NULL,
	"cycle_id" uuid NOT NULL,
	"kabkota_code" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"agreed_score" numeric(6, 2),
	"agreed_reason" text,
	"moderated_by" uuid,
	"moderated_at" timestamp with time zone,
	"score" numeric(6, 2),
	"computed_star" integer,
	"applied_gates" jsonb,
	"final_star" integer,
	"override_reason" text,
	"previous_star" integer,
	"star_change" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "nomination_results_status_check" CHECK ("nomination_results"."status" in ('open', 'decided')),
	CONSTRAINT "nomination_results_star_change_check" CHECK ("nomination_results"."star_change" is null or "nomination_results"."star_change" in ('kept', 'raised', 'lowered', 'new')),
	CONSTRAINT "nomination_results_decided_check" CHECK (("nomination_results"."status" = 'decided') = ("nomination_results"."decided_at" is not null and "nomination_results"."final_star" is not null)),
	CONSTRAINT "nomination_results_override_check" CHECK ("nomination_results"."final_star" is null or "nomination_results"."final_star" = "nomination_results"."computed_star" or "nomination_results"."override_reason" is not null),
	CONSTRAINT "nomination_results_moderation_check" CHECK (("nomination_results"."agreed_score" is null) = ("nomination_results"."agreed_reason" is null))
);
--> statement-breakpoint
CREATE TABLE "score_entries" (
	"sheet_id" uuid NOT NULL,
	"criterion_code" text NOT NULL,
	"level" integer,
	"points" numeric(8, 2),
	"note" text,
	CONSTRAINT "score_entries_sheet_id_criterion_code_pk" PRIMARY KEY("sheet_id","criterion_code")
);
--> statement-breakpoint
CREATE TABLE "score_evidence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sheet_id" uuid NOT NULL,
	"criterion_code" text,
	"file_sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "score_sheets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"assignment_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"nomination_id" uuid NOT NULL,
	"assessor_id" uuid NOT NULL,
	"rubric_version_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"site_visit_date" date,
	"from_paper" boolean DEFAULT false NOT NULL,
	"general_note" text,
	"total" numeric(6, 2),
	"aspects" jsonb,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "score_sheets_status_check" CHECK ("score_sheets"."status" in ('draft', 'submitted')),
	CONSTRAINT "score_sheets_submitted_check" CHECK (("score_sheets"."status" = 'submitted') = ("score_sheets"."submitted_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_nomination_id_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nominations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_assessor_id_users_id_fk" FOREIGN KEY ("assessor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_kabkota_code_regions_code_fk" FOREIGN KEY ("kabkota_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_nomination_id_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nominations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_ikm_id_ikm_id_fk" FOREIGN KEY ("ikm_id") REFERENCES "public"."ikm"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_kabkota_code_regions_code_fk" FOREIGN KEY ("kabkota_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_assessment_settings" ADD CONSTRAINT "cycle_assessment_settings_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_publications" ADD CONSTRAINT "cycle_publications_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_publications" ADD CONSTRAINT "cycle_publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_posts" ADD CONSTRAINT "moderation_posts_nomination_id_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nominations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_posts" ADD CONSTRAINT "moderation_posts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_results" ADD CONSTRAINT "nomination_results_nomination_id_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nominations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_results" ADD CONSTRAINT "nomination_results_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_results" ADD CONSTRAINT "nomination_results_kabkota_code_regions_code_fk" FOREIGN KEY ("kabkota_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_results" ADD CONSTRAINT "nomination_results_moderated_by_users_id_fk" FOREIGN KEY ("moderated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_results" ADD CONSTRAINT "nomination_results_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_entries" ADD CONSTRAINT "score_entries_sheet_id_score_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."score_sheets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_evidence" ADD CONSTRAINT "score_evidence_sheet_id_score_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."score_sheets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_evidence" ADD CONSTRAINT "score_evidence_file_sha256_files_sha256_fk" FOREIGN KEY ("file_sha256") REFERENCES "public"."files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_sheets" ADD CONSTRAINT "score_sheets_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_sheets" ADD CONSTRAINT "score_sheets_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_sheets" ADD CONSTRAINT "score_sheets_nomination_id_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nominations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_sheets" ADD CONSTRAINT "score_sheets_assessor_id_users_id_fk" FOREIGN KEY ("assessor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_sheets" ADD CONSTRAINT "score_sheets_rubric_version_id_rubric_versions_id_fk" FOREIGN KEY ("rubric_version_id") REFERENCES "public"."rubric_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_pair_key" ON "assignments" USING btree ("nomination_id","assessor_id");--> statement-breakpoint
CREATE INDEX "assignments_assessor_idx" ON "assignments" USING btree ("assessor_id","cycle_id");--> statement-breakpoint
CREATE INDEX "assignments_cycle_idx" ON "assignments" USING btree ("cycle_id","nomination_id");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_code_key" ON "certificates" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_number_key" ON "certificates" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_nomination_key" ON "certificates" USING btree ("nomination_id");--> statement-breakpoint
CREATE INDEX "certificates_product_idx" ON "certificates" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "certificates_ikm_idx" ON "certificates" USING btree ("ikm_id");--> statement-breakpoint
CREATE INDEX "moderation_posts_nomination_idx" ON "moderation_posts" USING btree ("nomination_id","created_at");--> statement-breakpoint
CREATE INDEX "nomination_results_cycle_idx" ON "nomination_results" USING btree ("cycle_id","status");--> statement-breakpoint
CREATE INDEX "score_evidence_sheet_idx" ON "score_evidence" USING btree ("sheet_id");--> statement-breakpoint
CREATE UNIQUE INDEX "score_sheets_assignment_key" ON "score_sheets" USING btree ("assignment_id");--> statement-breakpoint
CREATE INDEX "score_sheets_cycle_idx" ON "score_sheets" USING btree ("cycle_id","nomination_id");--> statement-breakpoint
CREATE INDEX "score_sheets_assessor_idx" ON "score_sheets" USING btree ("assessor_id","cycle_id");