CREATE TABLE "contact_attempt" (
	"network_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"method" text NOT NULL,
	"result" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by_membership_id" uuid NOT NULL,
	"note" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contact_attempt_network_id_id_pk" PRIMARY KEY("network_id","id")
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"network_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notification_network_id_id_pk" PRIMARY KEY("network_id","id")
);
--> statement-breakpoint
CREATE TABLE "pathway_version" (
	"network_id" uuid NOT NULL,
	"pathway_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"steps" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pathway_version_network_id_pathway_id_version_pk" PRIMARY KEY("network_id","pathway_id","version")
);
--> statement-breakpoint
CREATE TABLE "pathway" (
	"network_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"hospital_org_id" uuid NOT NULL,
	"partnership_id" uuid,
	"name" text NOT NULL,
	"description" text,
	"status" text NOT NULL,
	"current_version" integer NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pathway_network_id_id_pk" PRIMARY KEY("network_id","id")
);
--> statement-breakpoint
CREATE TABLE "rule_firing" (
	"network_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"level" text NOT NULL,
	"fired_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rule_firing_network_id_rule_subject_id_level_pk" PRIMARY KEY("network_id","rule","subject_id","level")
);
--> statement-breakpoint
CREATE TABLE "task" (
	"network_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"transition_id" uuid NOT NULL,
	"referral_id" uuid,
	"patient_id" uuid NOT NULL,
	"hospital_org_id" uuid NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"pathway_id" uuid NOT NULL,
	"pathway_version" integer NOT NULL,
	"step_key" text NOT NULL,
	"title" text NOT NULL,
	"side" text NOT NULL,
	"role" text NOT NULL,
	"records" text NOT NULL,
	"status" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"snoozed_until" timestamp with time zone,
	"snooze_reason" text,
	"assignee_membership_id" uuid,
	"outcome" jsonb,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "task_network_id_id_pk" PRIMARY KEY("network_id","id")
);
--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "pathway_id" uuid;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "pathway_version" integer;--> statement-breakpoint
ALTER TABLE "transition" ADD COLUMN "pathway_id" uuid;--> statement-breakpoint
ALTER TABLE "transition" ADD COLUMN "pathway_version" integer;--> statement-breakpoint
ALTER TABLE "contact_attempt" ADD CONSTRAINT "contact_attempt_network_id_task_id_task_network_id_id_fk" FOREIGN KEY ("network_id","task_id") REFERENCES "public"."task"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_version" ADD CONSTRAINT "pathway_version_network_id_pathway_id_pathway_network_id_id_fk" FOREIGN KEY ("network_id","pathway_id") REFERENCES "public"."pathway"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway" ADD CONSTRAINT "pathway_network_id_hospital_org_id_organization_network_id_id_fk" FOREIGN KEY ("network_id","hospital_org_id") REFERENCES "public"."organization"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_network_id_transition_id_transition_network_id_id_fk" FOREIGN KEY ("network_id","transition_id") REFERENCES "public"."transition"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_attempt_task" ON "contact_attempt" USING btree ("network_id","task_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_dedupe" ON "notification" USING btree ("network_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "notification_inbox" ON "notification" USING btree ("network_id","membership_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "pathway_active_default" ON "pathway" USING btree ("network_id","hospital_org_id") WHERE partnership_id is null and status = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "pathway_active_partnership" ON "pathway" USING btree ("network_id","partnership_id") WHERE partnership_id is not null and status = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "task_transition_step" ON "task" USING btree ("network_id","transition_id","pathway_id","step_key") WHERE referral_id is null;--> statement-breakpoint
CREATE UNIQUE INDEX "task_referral_step" ON "task" USING btree ("network_id","referral_id","pathway_id","step_key") WHERE referral_id is not null;--> statement-breakpoint
CREATE INDEX "task_owner_open" ON "task" USING btree ("network_id","owner_org_id","status","due_at");--> statement-breakpoint
CREATE INDEX "task_assignee_open" ON "task" USING btree ("network_id","assignee_membership_id","status","due_at");--> statement-breakpoint
CREATE INDEX "task_transition" ON "task" USING btree ("network_id","transition_id");--> statement-breakpoint
CREATE INDEX "task_open_deadline" ON "task" USING btree ("status","deadline_at");--> statement-breakpoint
CREATE INDEX "referral_status_ack_due" ON "referral" USING btree ("status","ack_due_at");--> statement-breakpoint
-- Pathway versions and contact attempts are immutable once written (the function comes from 0006).
CREATE TRIGGER pathway_version_no_update BEFORE UPDATE OR DELETE ON pathway_version
  FOR EACH ROW EXECUTE FUNCTION transition_record_append_only();
--> statement-breakpoint
CREATE TRIGGER contact_attempt_no_update BEFORE UPDATE OR DELETE ON contact_attempt
  FOR EACH ROW EXECUTE FUNCTION transition_record_append_only();
