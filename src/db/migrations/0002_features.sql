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
ALTER TABLE "event_participants" ADD CONSTRAINT "event_participants_kabkota_code_regions_code_fk" FOREIGN KEY ("kabkota_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_participants" ADD CONSTRAINT "event_participants_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_speakers" ADD CONSTRAINT "event_speakers_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_speakers" ADD CONSTRAINT "event_speakers_stakeholder_id_stakeholders_id_fk" FOREIGN KEY ("stakeholder_id") REFERENCES "public"."stakeholders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_stakeholders" ADD CONSTRAINT "event_stakeholders_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_stakeholders" ADD CONSTRAINT "event_stakeholders_stakeholder_id_stakeholders_id_fk" FOREIGN KEY ("stakeholder_id") REFERENCES "public"."stakeholders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_venue_kabkota_code_regions_code_fk" FOREIGN KEY ("venue_kabkota_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
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
CREATE INDEX "outbox_emails_pending_idx" ON "outbox_emails" USING btree ("created_at") WHERE "outbox_emails"."status" = 'pending';