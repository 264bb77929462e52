CREATE TABLE "candidate_comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"candidate_id" uuid NOT NULL,
	"kabkota_code" text NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "candidates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"kabkota_code" text NOT NULL,
	"cycle_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"ikm_id" uuid NOT NULL,
	"justification" text NOT NULL,
	"created_by" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "earlier_awards" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"kabkota_code" text NOT NULL,
	"ikm_id" uuid NOT NULL,
	"product_id" uuid,
	"cycle_id" uuid,
	"year" integer NOT NULL,
	"stars" integer NOT NULL,
	"source" text NOT NULL,
	"notes" text,
	"created_by" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "earlier_awards_source_check" CHECK ("earlier_awards"."source" in ('entered', 'imported', 'earlier_cycle')),
	CONSTRAINT "earlier_awards_stars_check" CHECK ("earlier_awards"."stars" between 1 and 5),
	CONSTRAINT "earlier_awards_year_check" CHECK ("earlier_awards"."year" between 2000 and 2200)
);
--> statement-breakpoint
CREATE TABLE "nomination_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"nomination_id" uuid NOT NULL,
	"kabkota_code" text NOT NULL,
	"checklist_item_id" uuid NOT NULL,
	"item_code" text NOT NULL,
	"number" integer NOT NULL,
	"source" text NOT NULL,
	"legal_document_id" uuid,
	"file_sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"file_mime" text NOT NULL,
	"document_number" text,
	"expires_on" date,
	"round" integer NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "nomination_documents_source_check" CHECK ("nomination_documents"."source" in ('upload', 'registry'))
);
--> statement-breakpoint
CREATE TABLE "nomination_reviews" (
	"nomination_id" uuid NOT NULL,
	"checklist_item_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"verdict" text NOT NULL,
	"comment" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nomination_reviews_nomination_id_checklist_item_id_round_pk" PRIMARY KEY("nomination_id","checklist_item_id","round"),
	CONSTRAINT "nomination_reviews_verdict_check" CHECK ("nomination_reviews"."verdict" in ('ok', 'fault')),
	CONSTRAINT "nomination_reviews_comment_check" CHECK ("nomination_reviews"."verdict" = 'ok' or length(trim(coalesce("nomination_reviews"."comment", ''))) > 0)
);
--> statement-breakpoint
CREATE TABLE "nomination_transitions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"nomination_id" uuid NOT NULL,
	"kabkota_code" text NOT NULL,
	"action" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"round" integer NOT NULL,
	"reason" text,
	"actor_user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nominations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cycle_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"kabkota_code" text NOT NULL,
	"product_id" uuid NOT NULL,
	"ikm_id" uuid NOT NULL,
	"commodity" text NOT NULL,
	"candidate_id" uuid,
	"state" text DEFAULT 'draft' NOT NULL,
	"round" integer DEFAULT 0 NOT NULL,
	"statement" text,
	"not_lead_reason" text,
	"config_version" integer,
	"first_submitted_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"return_count" integer DEFAULT 0 NOT NULL,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "nominations_state_check" CHECK ("nominations"."state" in ('draft', 'submitted', 'returned', 'admin_passed', 'admin_failed', 'in_assessment', 'assessed', 'decided', 'published', 'withdrawn')),
	CONSTRAINT "nominations_commodity_check" CHECK ("nominations"."commodity" in ('makanan_minuman', 'kain_tenun', 'kain_batik', 'anyaman', 'gerabah', 'lainnya'))
);
--> statement-breakpoint
CREATE TABLE "package_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"requested_by" uuid,
	"cycle_id" uuid NOT NULL,
	"kabkota_code" text NOT NULL,
	"nomination_id" uuid,
	"status" text DEFAULT 'queued' NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"file_name" text NOT NULL,
	"size" bigint,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "package_jobs_status_check" CHECK ("package_jobs"."status" in ('queued', 'running', 'done', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "import_issues" (
	"id" uuid PRIMARY KEY NOT NULL,
	"job_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"row_number" integer NOT NULL,
	"column_key" text,
	"column_label" text,
	"severity" text NOT NULL,
	"message_key" text NOT NULL,
	"params" jsonb,
	"value" text,
	CONSTRAINT "import_issues_phase_check" CHECK ("import_issues"."phase" in ('check', 'import')),
	CONSTRAINT "import_issues_severity_check" CHECK ("import_issues"."severity" in ('row', 'cell'))
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"province_code" text NOT NULL,
	"kabkota_code" text,
	"created_by" uuid,
	"created_by_label" text NOT NULL,
	"file_sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"file_format" text NOT NULL,
	"file_size" integer NOT NULL,
	"status" text NOT NULL,
	"mode" text,
	"sheet_name" text,
	"header_row" integer,
	"columns" jsonb,
	"rows_total" integer DEFAULT 0 NOT NULL,
	"rows_valid" integer DEFAULT 0 NOT NULL,
	"rows_partial" integer DEFAULT 0 NOT NULL,
	"rows_invalid" integer DEFAULT 0 NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"permille" integer DEFAULT 0 NOT NULL,
	"created_count" integer DEFAULT 0 NOT NULL,
	"updated_count" integer DEFAULT 0 NOT NULL,
	"skipped_count" integer DEFAULT 0 NOT NULL,
	"cursor_row" integer DEFAULT 0 NOT NULL,
	"actor" jsonb,
	"failure_key" text,
	"failure_params" jsonb,
	"heartbeat_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "import_jobs_kind_check" CHECK ("import_jobs"."kind" in ('sentra', 'ikm', 'products')),
	CONSTRAINT "import_jobs_format_check" CHECK ("import_jobs"."file_format" in ('xlsx', 'csv')),
	CONSTRAINT "import_jobs_status_check" CHECK ("import_jobs"."status" in ('checking', 'checked', 'importing', 'done', 'failed', 'cancelled')),
	CONSTRAINT "import_jobs_mode_check" CHECK ("import_jobs"."mode" is null or "import_jobs"."mode" in ('all', 'valid'))
);
--> statement-breakpoint
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
CREATE TABLE "assessor_cycle_caps" (
	"user_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"load_cap" integer NOT NULL,
	CONSTRAINT "assessor_cycle_caps_user_id_cycle_id_pk" PRIMARY KEY("user_id","cycle_id"),
	CONSTRAINT "assessor_cycle_caps_check" CHECK ("assessor_cycle_caps"."load_cap" >= 0)
);
--> statement-breakpoint
CREATE TABLE "assessor_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"institution" text,
	"institution_type" text,
	"expertise" text[] DEFAULT '{}'::text[] NOT NULL,
	"load_cap" integer NOT NULL,
	"phone" text,
	"email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "assessor_profiles_institution_type_check" CHECK ("assessor_profiles"."institution_type" is null or "assessor_profiles"."institution_type" in ('ministry', 'association', 'university', 'province', 'other')),
	CONSTRAINT "assessor_profiles_expertise_check" CHECK ("assessor_profiles"."expertise" <@ array['makanan_minuman', 'kain_tenun', 'kain_batik', 'anyaman', 'gerabah', 'lainnya']::text[]),
	CONSTRAINT "assessor_profiles_load_cap_check" CHECK ("assessor_profiles"."load_cap" >= 0)
);
--> statement-breakpoint
CREATE TABLE "conflict_dismissals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"assessor_id" uuid NOT NULL,
	"ikm_id" uuid NOT NULL,
	"matches" jsonb NOT NULL,
	"reason" text NOT NULL,
	"dismissed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conflicts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"assessor_id" uuid NOT NULL,
	"ikm_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"kabkota_code" text NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"source" text NOT NULL,
	"matches" jsonb,
	"declared_by" uuid,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"withdraw_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "conflicts_kind_check" CHECK ("conflicts"."kind" in ('family', 'business_partner', 'employer_employee', 'supplier_customer', 'same_institution', 'other')),
	CONSTRAINT "conflicts_source_check" CHECK ("conflicts"."source" in ('assessor', 'admin', 'suggestion')),
	CONSTRAINT "conflicts_withdrawn_check" CHECK (("conflicts"."withdrawn_at" is null) = ("conflicts"."withdraw_reason" is null))
);
--> statement-breakpoint
CREATE TABLE "rubric_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"rubric_id" uuid NOT NULL,
	"commodity" text NOT NULL,
	"number" integer NOT NULL,
	"status" text NOT NULL,
	"content" jsonb NOT NULL,
	"weight_rule" jsonb NOT NULL,
	"has_placeholders" boolean DEFAULT false NOT NULL,
	"based_on" integer,
	"change_note" text,
	"created_by" uuid,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"discarded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "rubric_versions_status_check" CHECK ("rubric_versions"."status" in ('draft', 'published', 'discarded')),
	CONSTRAINT "rubric_versions_commodity_check" CHECK ("rubric_versions"."commodity" in ('makanan_minuman', 'kain_tenun', 'kain_batik', 'anyaman', 'gerabah', 'lainnya')),
	CONSTRAINT "rubric_versions_number_check" CHECK ("rubric_versions"."number" >= 1),
	CONSTRAINT "rubric_versions_published_check" CHECK (("rubric_versions"."status" = 'published') = ("rubric_versions"."published_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "rubrics" (
	"id" uuid PRIMARY KEY NOT NULL,
	"commodity" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "rubrics_commodity_check" CHECK ("rubrics"."commodity" in ('makanan_minuman', 'kain_tenun', 'kain_batik', 'anyaman', 'gerabah', 'lainnya'))
);
--> statement-breakpoint
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
ALTER TABLE "candidate_comments" ADD CONSTRAINT "candidate_comments_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_comments" ADD CONSTRAINT "candidate_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_kabkota_code_regions_code_fk" FOREIGN KEY ("kabkota_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_ikm_id_ikm_id_fk" FOREIGN KEY ("ikm_id") REFERENCES "public"."ikm"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "earlier_awards" ADD CONSTRAINT "earlier_awards_kabkota_code_regions_code_fk" FOREIGN KEY ("kabkota_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "earlier_awards" ADD CONSTRAINT "earlier_awards_ikm_id_ikm_id_fk" FOREIGN KEY ("ikm_id") REFERENCES "public"."ikm"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "earlier_awards" ADD CONSTRAINT "earlier_awards_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "earlier_awards" ADD CONSTRAINT "earlier_awards_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "earlier_awards" ADD CONSTRAINT "earlier_awards_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_documents" ADD CONSTRAINT "nomination_documents_nomination_id_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nominations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_documents" ADD CONSTRAINT "nomination_documents_legal_document_id_legal_documents_id_fk" FOREIGN KEY ("legal_document_id") REFERENCES "public"."legal_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_documents" ADD CONSTRAINT "nomination_documents_file_sha256_files_sha256_fk" FOREIGN KEY ("file_sha256") REFERENCES "public"."files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_documents" ADD CONSTRAINT "nomination_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_reviews" ADD CONSTRAINT "nomination_reviews_nomination_id_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nominations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_reviews" ADD CONSTRAINT "nomination_reviews_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_transitions" ADD CONSTRAINT "nomination_transitions_nomination_id_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nominations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_transitions" ADD CONSTRAINT "nomination_transitions_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_kabkota_code_regions_code_fk" FOREIGN KEY ("kabkota_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_ikm_id_ikm_id_fk" FOREIGN KEY ("ikm_id") REFERENCES "public"."ikm"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_jobs" ADD CONSTRAINT "package_jobs_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_jobs" ADD CONSTRAINT "package_jobs_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_jobs" ADD CONSTRAINT "package_jobs_nomination_id_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nominations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_issues" ADD CONSTRAINT "import_issues_job_id_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_file_sha256_files_sha256_fk" FOREIGN KEY ("file_sha256") REFERENCES "public"."files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
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
ALTER TABLE "assessor_cycle_caps" ADD CONSTRAINT "assessor_cycle_caps_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessor_cycle_caps" ADD CONSTRAINT "assessor_cycle_caps_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessor_profiles" ADD CONSTRAINT "assessor_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_dismissals" ADD CONSTRAINT "conflict_dismissals_assessor_id_users_id_fk" FOREIGN KEY ("assessor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_dismissals" ADD CONSTRAINT "conflict_dismissals_ikm_id_ikm_id_fk" FOREIGN KEY ("ikm_id") REFERENCES "public"."ikm"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_dismissals" ADD CONSTRAINT "conflict_dismissals_dismissed_by_users_id_fk" FOREIGN KEY ("dismissed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflicts" ADD CONSTRAINT "conflicts_assessor_id_users_id_fk" FOREIGN KEY ("assessor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflicts" ADD CONSTRAINT "conflicts_ikm_id_ikm_id_fk" FOREIGN KEY ("ikm_id") REFERENCES "public"."ikm"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflicts" ADD CONSTRAINT "conflicts_kabkota_code_regions_code_fk" FOREIGN KEY ("kabkota_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflicts" ADD CONSTRAINT "conflicts_declared_by_users_id_fk" FOREIGN KEY ("declared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflicts" ADD CONSTRAINT "conflicts_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubric_versions" ADD CONSTRAINT "rubric_versions_rubric_id_rubrics_id_fk" FOREIGN KEY ("rubric_id") REFERENCES "public"."rubrics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubric_versions" ADD CONSTRAINT "rubric_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubric_versions" ADD CONSTRAINT "rubric_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_ikm_id_ikm_id_fk" FOREIGN KEY ("ikm_id") REFERENCES "public"."ikm"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "candidate_comments_candidate_idx" ON "candidate_comments" USING btree ("candidate_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "candidates_cycle_product_key" ON "candidates" USING btree ("cycle_id","product_id") WHERE "candidates"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "candidates_cycle_kabkota_idx" ON "candidates" USING btree ("cycle_id","kabkota_code","created_at","id");--> statement-breakpoint
CREATE INDEX "earlier_awards_ikm_idx" ON "earlier_awards" USING btree ("ikm_id");--> statement-breakpoint
CREATE INDEX "earlier_awards_year_idx" ON "earlier_awards" USING btree ("year","id");--> statement-breakpoint
CREATE UNIQUE INDEX "nomination_documents_number_key" ON "nomination_documents" USING btree ("nomination_id","checklist_item_id","number");--> statement-breakpoint
CREATE INDEX "nomination_documents_current_idx" ON "nomination_documents" USING btree ("nomination_id") WHERE "nomination_documents"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "nomination_transitions_nomination_idx" ON "nomination_transitions" USING btree ("nomination_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "nominations_cycle_product_key" ON "nominations" USING btree ("cycle_id","product_id") WHERE "nominations"."state" <> 'withdrawn';--> statement-breakpoint
CREATE INDEX "nominations_cycle_state_idx" ON "nominations" USING btree ("cycle_id","state","id");--> statement-breakpoint
CREATE INDEX "nominations_cycle_kabkota_idx" ON "nominations" USING btree ("cycle_id","kabkota_code","id");--> statement-breakpoint
CREATE INDEX "nominations_kabkota_updated_idx" ON "nominations" USING btree ("kabkota_code","updated_at","id");--> statement-breakpoint
CREATE INDEX "nominations_updated_idx" ON "nominations" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "nominations_ikm_idx" ON "nominations" USING btree ("ikm_id");--> statement-breakpoint
CREATE INDEX "package_jobs_requested_idx" ON "package_jobs" USING btree ("requested_by","created_at");--> statement-breakpoint
CREATE INDEX "import_issues_job_idx" ON "import_issues" USING btree ("job_id","phase","row_number","id");--> statement-breakpoint
CREATE INDEX "import_jobs_scope_idx" ON "import_jobs" USING btree ("kabkota_code","id");--> statement-breakpoint
CREATE INDEX "import_jobs_status_idx" ON "import_jobs" USING btree ("status");--> statement-breakpoint
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
CREATE INDEX "coaching_recommendations_ikm_idx" ON "coaching_recommendations" USING btree ("ikm_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "conflict_dismissals_pair_key" ON "conflict_dismissals" USING btree ("assessor_id","ikm_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conflicts_in_force_key" ON "conflicts" USING btree ("assessor_id","ikm_id") WHERE "conflicts"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "conflicts_ikm_idx" ON "conflicts" USING btree ("ikm_id");--> statement-breakpoint
CREATE INDEX "conflicts_created_idx" ON "conflicts" USING btree ("created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "rubric_versions_number_key" ON "rubric_versions" USING btree ("rubric_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "rubric_versions_one_draft_key" ON "rubric_versions" USING btree ("rubric_id") WHERE "rubric_versions"."status" = 'draft';--> statement-breakpoint
CREATE INDEX "rubric_versions_commodity_idx" ON "rubric_versions" USING btree ("commodity","number");--> statement-breakpoint
CREATE UNIQUE INDEX "rubrics_commodity_key" ON "rubrics" USING btree ("commodity");--> statement-breakpoint
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