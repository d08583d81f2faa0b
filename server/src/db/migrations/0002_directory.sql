CREATE TABLE "capacity_report" (
	"network_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"status" text NOT NULL,
	"expected_wait_days" integer,
	"reported_by" text NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "capacity_report_network_id_id_pk" PRIMARY KEY("network_id","id")
);
--> statement-breakpoint
CREATE TABLE "directory_import" (
	"network_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"format" text NOT NULL,
	"state" text NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"imported_rows" integer DEFAULT 0 NOT NULL,
	"skipped_rows" integer DEFAULT 0 NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	"started_by" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "directory_import_network_id_id_pk" PRIMARY KEY("network_id","id")
);
--> statement-breakpoint
CREATE TABLE "directory_state" (
	"network_id" uuid PRIMARY KEY NOT NULL,
	"change_seq" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service" (
	"network_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"kind" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"medications" jsonb NOT NULL,
	"policies" jsonb NOT NULL,
	"eligibility" jsonb NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"service_area" jsonb,
	"timezone" text NOT NULL,
	"intake_hours" jsonb,
	"holidays" text[] DEFAULT '{}'::text[] NOT NULL,
	"acknowledgement" jsonb,
	"referral_channel" text,
	"phone" text,
	"email" text,
	"url" text,
	"capacity_status" text,
	"capacity_updated_at" timestamp with time zone,
	"capacity_updated_by" text,
	"capacity_expected_wait_days" integer,
	"external_source" text,
	"external_id" text,
	"change_seq" bigint NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "service_network_id_id_pk" PRIMARY KEY("network_id","id"),
	CONSTRAINT "service_external_key" UNIQUE("network_id","external_source","external_id")
);
--> statement-breakpoint
ALTER TABLE "organization" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "organization" ADD COLUMN "external_source" text;--> statement-breakpoint
ALTER TABLE "organization" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "site" ADD COLUMN "external_source" text;--> statement-breakpoint
ALTER TABLE "site" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "capacity_report" ADD CONSTRAINT "capacity_report_network_id_service_id_service_network_id_id_fk" FOREIGN KEY ("network_id","service_id") REFERENCES "public"."service"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_state" ADD CONSTRAINT "directory_state_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service" ADD CONSTRAINT "service_network_id_organization_id_organization_network_id_id_fk" FOREIGN KEY ("network_id","organization_id") REFERENCES "public"."organization"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service" ADD CONSTRAINT "service_network_id_site_id_site_network_id_id_fk" FOREIGN KEY ("network_id","site_id") REFERENCES "public"."site"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "capacity_report_service_idx" ON "capacity_report" USING btree ("network_id","service_id","reported_at");--> statement-breakpoint
CREATE INDEX "directory_import_started_idx" ON "directory_import" USING btree ("network_id","started_at");--> statement-breakpoint
CREATE INDEX "service_change_idx" ON "service" USING btree ("network_id","change_seq");--> statement-breakpoint
CREATE INDEX "service_org_idx" ON "service" USING btree ("network_id","organization_id");--> statement-breakpoint
CREATE INDEX "service_updated_idx" ON "service" USING btree ("network_id","updated_at");--> statement-breakpoint
ALTER TABLE "organization" ADD CONSTRAINT "organization_external_key" UNIQUE("network_id","external_source","external_id");--> statement-breakpoint
ALTER TABLE "site" ADD CONSTRAINT "site_external_key" UNIQUE("network_id","external_source","external_id");