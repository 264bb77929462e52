CREATE TABLE "event_attendance" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"kabkota_code" text,
	"method" text NOT NULL,
	"checked_in_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	CONSTRAINT "event_attendance_method_check" CHECK ("event_attendance"."method" in ('qr', 'desk', 'sheet'))
);
--> statement-breakpoint
CREATE TABLE "event_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sha256" text NOT NULL,
	"mime" text NOT NULL,
	"size" bigint NOT NULL,
	"filename" text NOT NULL,
	"caption" text,
	"thumb_sha256" text,
	"display_sha256" text,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "event_files_kind_check" CHECK ("event_files"."kind" in ('material', 'photo'))
);
--> statement-breakpoint
CREATE TABLE "event_participants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"user_id" uuid,
	"stakeholder_contact_id" uuid,
	"ikm_id" uuid,
	"name" text NOT NULL,
	"institution" text,
	"position" text,
	"kabkota_code" text,
	"phone" text,
	"email" text,
	"checkin_token" text NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "event_participants_kind_check" CHECK ("event_participants"."kind" in ('user', 'guest', 'stakeholder_contact', 'ikm')),
	CONSTRAINT "event_participants_source_check" CHECK ("event_participants"."source" in ('invited', 'self_registered', 'walk_in')),
	CONSTRAINT "event_participants_link_check" CHECK (("event_participants"."kind" <> 'user' or "event_participants"."user_id" is not null) and ("event_participants"."kind" <> 'stakeholder_contact' or "event_participants"."stakeholder_contact_id" is not null) and ("event_participants"."kind" <> 'ikm' or "event_participants"."ikm_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "event_speakers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"institution" text,
	"topic" text,
	"stakeholder_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_stakeholders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"stakeholder_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_stakeholders_role_check" CHECK ("event_stakeholders"."role" in ('co_organiser', 'speaker', 'sponsor', 'participant'))
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"venue" text NOT NULL,
	"venue_kabkota_code" text NOT NULL,
	"organiser" text NOT NULL,
	"cycle_id" uuid,
	"description" text,
	"agenda" text,
	"minutes" text,
	"registration_token" text NOT NULL,
	"registration_open" boolean DEFAULT false NOT NULL,
	"door_token" text NOT NULL,
	"created_by" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "events_kind_check" CHECK ("events"."kind" in ('sosialisasi', 'bimtek', 'kunjungan_lapangan', 'pameran', 'rapat_koordinasi')),
	CONSTRAINT "events_status_check" CHECK ("events"."status" in ('scheduled', 'finished', 'cancelled')),
	CONSTRAINT "events_period_check" CHECK ("events"."ends_at" > "events"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "follow_up_actions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"kabkota_code" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"owner_user_id" uuid,
	"owner_name" text,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"progress_note" text,
	"completed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "follow_up_actions_status_check" CHECK ("follow_up_actions"."status" in ('open', 'in_progress', 'done', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "stakeholder_commitments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"stakeholder_id" uuid NOT NULL,
	"event_id" uuid,
	"support_kind" text NOT NULL,
	"description" text NOT NULL,
	"agreement_number" text,
	"value_rp" bigint,
	"start_date" date NOT NULL,
	"end_date" date,
	"status" text DEFAULT 'proposed' NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "stakeholder_commitments_support_check" CHECK ("stakeholder_commitments"."support_kind" in ('pendanaan', 'pelatihan', 'pendampingan', 'pemasaran', 'sertifikasi', 'peralatan', 'promosi', 'narasumber', 'lainnya')),
	CONSTRAINT "stakeholder_commitments_status_check" CHECK ("stakeholder_commitments"."status" in ('proposed', 'agreed', 'in_progress', 'completed', 'cancelled')),
	CONSTRAINT "stakeholder_commitments_period_check" CHECK ("stakeholder_commitments"."end_date" is null or "stakeholder_commitments"."end_date" >= "stakeholder_commitments"."start_date"),
	CONSTRAINT "stakeholder_commitments_value_check" CHECK ("stakeholder_commitments"."value_rp" is null or "stakeholder_commitments"."value_rp" >= 0)
);
--> statement-breakpoint
CREATE TABLE "stakeholder_contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"stakeholder_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" text,
	"email" text,
	"phone" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stakeholders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"name" text NOT NULL,
	"acronym" text,
	"type" text NOT NULL,
	"kabkota_code" text,
	"address" text,
	"website" text,
	"email" text,
	"phone" text,
	"notes" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "stakeholders_type_check" CHECK ("stakeholders"."type" in ('kementerian_lembaga', 'pemda', 'bumn', 'bank', 'perguruan_tinggi', 'asosiasi', 'swasta', 'media', 'komunitas'))
);
--> statement-breakpoint
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
ALTER TABLE "event_attendance" ADD CONSTRAINT "event_attendance_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_attendance" ADD CONSTRAINT "event_attendance_participant_id_event_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."event_participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_attendance" ADD CONSTRAINT "event_attendance_kabkota_code_regions_code_fk" FOREIGN KEY ("kabkota_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_attendance" ADD CONSTRAINT "event_attendance_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_files" ADD CONSTRAINT "event_files_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_files" ADD CONSTRAINT "event_files_sha256_files_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_files" ADD CONSTRAINT "event_files_thumb_sha256_files_sha256_fk" FOREIGN KEY ("thumb_sha256") REFERENCES "public"."files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_files" ADD CONSTRAINT "event_files_display_sha256_files_sha256_fk" FOREIGN KEY ("display_sha256") REFERENCES "public"."files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_files" ADD CONSTRAINT "event_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_participants" ADD CONSTRAINT "event_participants_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_participants" ADD CONSTRAINT "event_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_participants" ADD CONSTRAINT "event_participants_stakeholder_contact_id_stakeholder_contacts_id_fk" FOREIGN KEY ("stakeholder_contact_id") REFERENCES "public"."stakeholder_contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_participants" ADD CONSTRAINT "event_participants_ikm_id_ikm_id_fk" FOREIGN KEY ("ikm_id") REFERENCES "public"."ikm"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_participants" ADD CONSTRAINT "event_participants_kabkota_code_regions_code_fk" FOREIGN KEY ("kabkota_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_participants" ADD CONSTRAINT "event_participants_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_speakers" ADD CONSTRAINT "event_speakers_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_speakers" ADD CONSTRAINT "event_speakers_stakeholder_id_stakeholders_id_fk" FOREIGN KEY ("stakeholder_id") REFERENCES "public"."stakeholders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_stakeholders" ADD CONSTRAINT "event_stakeholders_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_stakeholders" ADD CONSTRAINT "event_stakeholders_stakeholder_id_stakeholders_id_fk" FOREIGN KEY ("stakeholder_id") REFERENCES "public"."stakeholders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_venue_kabkota_code_regions_code_fk" FOREIGN KEY ("venue_kabkota_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_actions" ADD CONSTRAINT "follow_up_actions_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_actions" ADD CONSTRAINT "follow_up_actions_kabkota_code_regions_code_fk" FOREIGN KEY ("kabkota_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_actions" ADD CONSTRAINT "follow_up_actions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_actions" ADD CONSTRAINT "follow_up_actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_commitments" ADD CONSTRAINT "stakeholder_commitments_stakeholder_id_stakeholders_id_fk" FOREIGN KEY ("stakeholder_id") REFERENCES "public"."stakeholders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_commitments" ADD CONSTRAINT "stakeholder_commitments_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_contacts" ADD CONSTRAINT "stakeholder_contacts_stakeholder_id_stakeholders_id_fk" FOREIGN KEY ("stakeholder_id") REFERENCES "public"."stakeholders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholders" ADD CONSTRAINT "stakeholders_kabkota_code_regions_code_fk" FOREIGN KEY ("kabkota_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
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
CREATE UNIQUE INDEX "event_attendance_participant_key" ON "event_attendance" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "event_attendance_event_kabkota_idx" ON "event_attendance" USING btree ("event_id","kabkota_code");--> statement-breakpoint
CREATE INDEX "event_files_event_idx" ON "event_files" USING btree ("event_id","kind","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "event_participants_seq_key" ON "event_participants" USING btree ("event_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "event_participants_checkin_token_key" ON "event_participants" USING btree ("checkin_token");--> statement-breakpoint
CREATE UNIQUE INDEX "event_participants_user_key" ON "event_participants" USING btree ("event_id","user_id") WHERE "event_participants"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "event_participants_contact_key" ON "event_participants" USING btree ("event_id","stakeholder_contact_id") WHERE "event_participants"."stakeholder_contact_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "event_participants_ikm_key" ON "event_participants" USING btree ("event_id","ikm_id") WHERE "event_participants"."ikm_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "event_participants_email_key" ON "event_participants" USING btree ("event_id",lower("email")) WHERE "event_participants"."email" is not null;--> statement-breakpoint
CREATE INDEX "event_participants_user_idx" ON "event_participants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "event_participants_kabkota_idx" ON "event_participants" USING btree ("event_id","kabkota_code");--> statement-breakpoint
CREATE INDEX "event_speakers_event_idx" ON "event_speakers" USING btree ("event_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "event_stakeholders_key" ON "event_stakeholders" USING btree ("event_id","stakeholder_id","role");--> statement-breakpoint
CREATE INDEX "event_stakeholders_stakeholder_idx" ON "event_stakeholders" USING btree ("stakeholder_id");--> statement-breakpoint
CREATE INDEX "events_province_start_idx" ON "events" USING btree ("province_code","starts_at","id");--> statement-breakpoint
CREATE INDEX "events_cycle_idx" ON "events" USING btree ("cycle_id");--> statement-breakpoint
CREATE UNIQUE INDEX "events_registration_token_key" ON "events" USING btree ("registration_token");--> statement-breakpoint
CREATE UNIQUE INDEX "events_door_token_key" ON "events" USING btree ("door_token");--> statement-breakpoint
CREATE INDEX "follow_up_actions_scope_idx" ON "follow_up_actions" USING btree ("kabkota_code","status","due_date");--> statement-breakpoint
CREATE INDEX "follow_up_actions_event_idx" ON "follow_up_actions" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "follow_up_actions_due_idx" ON "follow_up_actions" USING btree ("province_code","due_date","id");--> statement-breakpoint
CREATE INDEX "stakeholder_commitments_stakeholder_idx" ON "stakeholder_commitments" USING btree ("stakeholder_id","start_date");--> statement-breakpoint
CREATE INDEX "stakeholder_commitments_event_idx" ON "stakeholder_commitments" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "stakeholder_contacts_stakeholder_idx" ON "stakeholder_contacts" USING btree ("stakeholder_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stakeholders_name_key" ON "stakeholders" USING btree ("province_code",lower("name"));--> statement-breakpoint
CREATE INDEX "stakeholders_type_idx" ON "stakeholders" USING btree ("province_code","type");--> statement-breakpoint
CREATE UNIQUE INDEX "cycle_checklist_items_code_key" ON "cycle_checklist_items" USING btree ("cycle_id","commodity","code");--> statement-breakpoint
CREATE UNIQUE INDEX "cycle_config_versions_number_key" ON "cycle_config_versions" USING btree ("cycle_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "cycle_extensions_kabkota_key" ON "cycle_extensions" USING btree ("cycle_id","kabkota_code");--> statement-breakpoint
CREATE INDEX "cycles_year_idx" ON "cycles" USING btree ("year");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("user_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "outbox_emails_created_idx" ON "outbox_emails" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "outbox_emails_pending_idx" ON "outbox_emails" USING btree ("created_at") WHERE "outbox_emails"."status" = 'pending';--> statement-breakpoint
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