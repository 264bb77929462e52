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
CREATE UNIQUE INDEX "conflict_dismissals_pair_key" ON "conflict_dismissals" USING btree ("assessor_id","ikm_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conflicts_in_force_key" ON "conflicts" USING btree ("assessor_id","ikm_id") WHERE "conflicts"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "conflicts_ikm_idx" ON "conflicts" USING btree ("ikm_id");--> statement-breakpoint
CREATE INDEX "conflicts_created_idx" ON "conflicts" USING btree ("created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "rubric_versions_number_key" ON "rubric_versions" USING btree ("rubric_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "rubric_versions_one_draft_key" ON "rubric_versions" USING btree ("rubric_id") WHERE "rubric_versions"."status" = 'draft';--> statement-breakpoint
CREATE INDEX "rubric_versions_commodity_idx" ON "rubric_versions" USING btree ("commodity","number");--> statement-breakpoint
CREATE UNIQUE INDEX "rubrics_commodity_key" ON "rubrics" USING btree ("commodity");