CREATE TABLE "handoff_packet" (
	"network_id" uuid NOT NULL,
	"transition_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "handoff_packet_network_id_transition_id_version_pk" PRIMARY KEY("network_id","transition_id","version")
);
--> statement-breakpoint
CREATE TABLE "idempotency_key" (
	"membership_id" uuid NOT NULL,
	"key" text NOT NULL,
	"route" text NOT NULL,
	"request_hash" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_key_membership_id_key_pk" PRIMARY KEY("membership_id","key")
);
--> statement-breakpoint
CREATE TABLE "referral_event" (
	"network_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"side" text NOT NULL,
	"actor_membership_id" uuid NOT NULL,
	"actor_org_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"reason" jsonb,
	"appointment" jsonb,
	"note" text,
	CONSTRAINT "referral_event_network_id_referral_id_seq_pk" PRIMARY KEY("network_id","referral_id","seq")
);
--> statement-breakpoint
CREATE TABLE "referral_message" (
	"network_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"id" uuid NOT NULL,
	"author_membership_id" uuid NOT NULL,
	"author_org_id" uuid NOT NULL,
	"side" text NOT NULL,
	"body" text NOT NULL,
	"attachment_name" text,
	"attachment_type" text,
	"attachment_size" integer,
	"attachment" "bytea",
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "referral_message_network_id_referral_id_seq_pk" PRIMARY KEY("network_id","referral_id","seq")
);
--> statement-breakpoint
CREATE TABLE "referral_read" (
	"network_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"read_seq" integer NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "referral_read_network_id_referral_id_membership_id_pk" PRIMARY KEY("network_id","referral_id","membership_id")
);
--> statement-breakpoint
CREATE TABLE "referral" (
	"network_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"transition_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"sender_org_id" uuid NOT NULL,
	"receiver_org_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"status" text NOT NULL,
	"urgency" text NOT NULL,
	"sent_at" timestamp with time zone,
	"ack_due_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"appointment" jsonb,
	"appointment_at" timestamp with time zone,
	"last_reason" jsonb,
	"consent_id" uuid,
	"packet_version" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "referral_network_id_id_pk" PRIMARY KEY("network_id","id")
);
--> statement-breakpoint
CREATE TABLE "transition" (
	"network_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"hospital_org_id" uuid NOT NULL,
	"encounter_type" text NOT NULL,
	"admitted_at" timestamp with time zone NOT NULL,
	"expected_discharge_at" timestamp with time zone,
	"discharged_at" timestamp with time zone,
	"oud_identified_by" text NOT NULL,
	"disposition" text,
	"navigator_membership_id" uuid,
	"peer_membership_id" uuid,
	"clinician_membership_id" uuid,
	"care_needs" text[] NOT NULL,
	"status" text NOT NULL,
	"moud_plan" jsonb,
	"coverage_end" timestamp with time zone,
	"first_appointment_at" timestamp with time zone,
	"packet_version" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "transition_network_id_id_pk" PRIMARY KEY("network_id","id")
);
--> statement-breakpoint
ALTER TABLE "handoff_packet" ADD CONSTRAINT "handoff_packet_network_id_transition_id_transition_network_id_id_fk" FOREIGN KEY ("network_id","transition_id") REFERENCES "public"."transition"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_event" ADD CONSTRAINT "referral_event_network_id_referral_id_referral_network_id_id_fk" FOREIGN KEY ("network_id","referral_id") REFERENCES "public"."referral"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_message" ADD CONSTRAINT "referral_message_network_id_referral_id_referral_network_id_id_fk" FOREIGN KEY ("network_id","referral_id") REFERENCES "public"."referral"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_read" ADD CONSTRAINT "referral_read_network_id_referral_id_referral_network_id_id_fk" FOREIGN KEY ("network_id","referral_id") REFERENCES "public"."referral"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_read" ADD CONSTRAINT "referral_read_network_id_membership_id_membership_network_id_id_fk" FOREIGN KEY ("network_id","membership_id") REFERENCES "public"."membership"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_network_id_transition_id_transition_network_id_id_fk" FOREIGN KEY ("network_id","transition_id") REFERENCES "public"."transition"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_network_id_service_id_service_network_id_id_fk" FOREIGN KEY ("network_id","service_id") REFERENCES "public"."service"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_network_id_receiver_org_id_organization_network_id_id_fk" FOREIGN KEY ("network_id","receiver_org_id") REFERENCES "public"."organization"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transition" ADD CONSTRAINT "transition_network_id_patient_id_patient_network_id_id_fk" FOREIGN KEY ("network_id","patient_id") REFERENCES "public"."patient"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transition" ADD CONSTRAINT "transition_network_id_hospital_org_id_organization_network_id_id_fk" FOREIGN KEY ("network_id","hospital_org_id") REFERENCES "public"."organization"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idempotency_key_created" ON "idempotency_key" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "referral_transition" ON "referral" USING btree ("network_id","transition_id");--> statement-breakpoint
CREATE INDEX "referral_receiver_status" ON "referral" USING btree ("network_id","receiver_org_id","status","ack_due_at");--> statement-breakpoint
CREATE INDEX "referral_sender_status" ON "referral" USING btree ("network_id","sender_org_id","status","ack_due_at");--> statement-breakpoint
CREATE INDEX "transition_hospital_status" ON "transition" USING btree ("network_id","hospital_org_id","status","coverage_end");--> statement-breakpoint
CREATE INDEX "transition_navigator" ON "transition" USING btree ("network_id","navigator_membership_id","status");--> statement-breakpoint
CREATE INDEX "transition_patient" ON "transition" USING btree ("network_id","patient_id");--> statement-breakpoint
-- A referral's history, the packet versions and the messages are immutable once written.
CREATE FUNCTION transition_record_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER referral_event_no_update BEFORE UPDATE OR DELETE ON referral_event
  FOR EACH ROW EXECUTE FUNCTION transition_record_append_only();
--> statement-breakpoint
CREATE TRIGGER referral_event_no_truncate BEFORE TRUNCATE ON referral_event
  FOR EACH STATEMENT EXECUTE FUNCTION transition_record_append_only();
--> statement-breakpoint
CREATE TRIGGER handoff_packet_no_update BEFORE UPDATE OR DELETE ON handoff_packet
  FOR EACH ROW EXECUTE FUNCTION transition_record_append_only();
--> statement-breakpoint
CREATE TRIGGER referral_message_no_update BEFORE UPDATE OR DELETE ON referral_message
  FOR EACH ROW EXECUTE FUNCTION transition_record_append_only();
