CREATE TABLE "partnership_action_item" (
	"network_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"meeting_id" uuid,
	"description" text NOT NULL,
	"owner_user_id" uuid,
	"due_on" date,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "partnership_action_item_network_id_id_pk" PRIMARY KEY("network_id","id")
);
--> statement-breakpoint
CREATE TABLE "partnership_agreement" (
	"network_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"effective_on" date NOT NULL,
	"expires_on" date,
	"document_name" text,
	"document_type" text,
	"document" "bytea",
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "partnership_agreement_network_id_id_pk" PRIMARY KEY("network_id","id")
);
--> statement-breakpoint
CREATE TABLE "partnership_assessment" (
	"network_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"quarter" text NOT NULL,
	"answers" jsonb NOT NULL,
	"score" double precision NOT NULL,
	"comment" text,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "partnership_assessment_network_id_id_pk" PRIMARY KEY("network_id","id")
);
--> statement-breakpoint
CREATE TABLE "partnership_delivery" (
	"network_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"provider_org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"quantity" integer NOT NULL,
	"delivered_on" date NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "partnership_delivery_network_id_id_pk" PRIMARY KEY("network_id","id")
);
--> statement-breakpoint
CREATE TABLE "partnership_goal" (
	"network_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"target" double precision NOT NULL,
	"description" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "partnership_goal_network_id_id_pk" PRIMARY KEY("network_id","id")
);
--> statement-breakpoint
CREATE TABLE "partnership_liaison" (
	"network_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "partnership_liaison_network_id_id_pk" PRIMARY KEY("network_id","id")
);
--> statement-breakpoint
CREATE TABLE "partnership_meeting" (
	"network_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"attendees" jsonb NOT NULL,
	"notes" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "partnership_meeting_network_id_id_pk" PRIMARY KEY("network_id","id")
);
--> statement-breakpoint
CREATE TABLE "partnership" (
	"network_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"hospital_org_id" uuid NOT NULL,
	"cbo_org_id" uuid NOT NULL,
	"status" text NOT NULL,
	"started_on" date,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "partnership_network_id_id_pk" PRIMARY KEY("network_id","id")
);
--> statement-breakpoint
ALTER TABLE "partnership_action_item" ADD CONSTRAINT "partnership_action_item_network_id_partnership_id_partnership_network_id_id_fk" FOREIGN KEY ("network_id","partnership_id") REFERENCES "public"."partnership"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_agreement" ADD CONSTRAINT "partnership_agreement_network_id_partnership_id_partnership_network_id_id_fk" FOREIGN KEY ("network_id","partnership_id") REFERENCES "public"."partnership"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_assessment" ADD CONSTRAINT "partnership_assessment_network_id_partnership_id_partnership_network_id_id_fk" FOREIGN KEY ("network_id","partnership_id") REFERENCES "public"."partnership"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_delivery" ADD CONSTRAINT "partnership_delivery_network_id_partnership_id_partnership_network_id_id_fk" FOREIGN KEY ("network_id","partnership_id") REFERENCES "public"."partnership"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_goal" ADD CONSTRAINT "partnership_goal_network_id_partnership_id_partnership_network_id_id_fk" FOREIGN KEY ("network_id","partnership_id") REFERENCES "public"."partnership"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_liaison" ADD CONSTRAINT "partnership_liaison_network_id_partnership_id_partnership_network_id_id_fk" FOREIGN KEY ("network_id","partnership_id") REFERENCES "public"."partnership"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_meeting" ADD CONSTRAINT "partnership_meeting_network_id_partnership_id_partnership_network_id_id_fk" FOREIGN KEY ("network_id","partnership_id") REFERENCES "public"."partnership"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership" ADD CONSTRAINT "partnership_network_id_hospital_org_id_organization_network_id_id_fk" FOREIGN KEY ("network_id","hospital_org_id") REFERENCES "public"."organization"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership" ADD CONSTRAINT "partnership_network_id_cbo_org_id_organization_network_id_id_fk" FOREIGN KEY ("network_id","cbo_org_id") REFERENCES "public"."organization"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partnership_action_item_partnership_idx" ON "partnership_action_item" USING btree ("network_id","partnership_id");--> statement-breakpoint
CREATE INDEX "partnership_agreement_partnership_idx" ON "partnership_agreement" USING btree ("network_id","partnership_id");--> statement-breakpoint
CREATE INDEX "partnership_agreement_expiry_idx" ON "partnership_agreement" USING btree ("expires_on");--> statement-breakpoint
CREATE INDEX "partnership_assessment_partnership_idx" ON "partnership_assessment" USING btree ("network_id","partnership_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partnership_assessment_side_quarter" ON "partnership_assessment" USING btree ("network_id","partnership_id","organization_id","quarter");--> statement-breakpoint
CREATE INDEX "partnership_delivery_partnership_idx" ON "partnership_delivery" USING btree ("network_id","partnership_id");--> statement-breakpoint
CREATE INDEX "partnership_goal_partnership_idx" ON "partnership_goal" USING btree ("network_id","partnership_id");--> statement-breakpoint
CREATE INDEX "partnership_liaison_partnership_idx" ON "partnership_liaison" USING btree ("network_id","partnership_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partnership_liaison_person" ON "partnership_liaison" USING btree ("network_id","partnership_id","user_id");--> statement-breakpoint
CREATE INDEX "partnership_meeting_partnership_idx" ON "partnership_meeting" USING btree ("network_id","partnership_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partnership_live_pair" ON "partnership" USING btree ("network_id","hospital_org_id","cbo_org_id") WHERE status <> 'ended';--> statement-breakpoint
CREATE INDEX "partnership_cbo_idx" ON "partnership" USING btree ("network_id","cbo_org_id");