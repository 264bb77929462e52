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
CREATE INDEX "package_jobs_requested_idx" ON "package_jobs" USING btree ("requested_by","created_at");