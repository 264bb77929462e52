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
ALTER TABLE "import_issues" ADD CONSTRAINT "import_issues_job_id_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_file_sha256_files_sha256_fk" FOREIGN KEY ("file_sha256") REFERENCES "public"."files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_issues_job_idx" ON "import_issues" USING btree ("job_id","phase","row_number","id");--> statement-breakpoint
CREATE INDEX "import_jobs_scope_idx" ON "import_jobs" USING btree ("kabkota_code","id");--> statement-breakpoint
CREATE INDEX "import_jobs_status_idx" ON "import_jobs" USING btree ("status");