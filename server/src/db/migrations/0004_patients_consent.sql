CREATE TABLE "patient_identifier" (
	"network_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "patient_identifier_network_id_patient_id_organization_id_pk" PRIMARY KEY("network_id","patient_id","organization_id"),
	CONSTRAINT "patient_identifier_value" UNIQUE("network_id","organization_id","value")
);
--> statement-breakpoint
CREATE TABLE "patient" (
	"network_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"holder_org_id" uuid NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"name_key" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"gender_identity" text,
	"phones" jsonb NOT NULL,
	"address" jsonb,
	"unhoused" boolean DEFAULT false NOT NULL,
	"preferred_language" text NOT NULL,
	"insurance" jsonb,
	"part2" boolean NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "patient_network_id_id_pk" PRIMARY KEY("network_id","id")
);
--> statement-breakpoint
CREATE TABLE "treating_relationship" (
	"network_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"basis" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "treating_relationship_network_id_patient_id_organization_id_pk" PRIMARY KEY("network_id","patient_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "consent_recipient" (
	"network_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"consent_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"organization_id" uuid,
	"description" text,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "consent_recipient_network_id_id_pk" PRIMARY KEY("network_id","id")
);
--> statement-breakpoint
CREATE TABLE "consent_revocation" (
	"network_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"consent_id" uuid NOT NULL,
	"whole" boolean NOT NULL,
	"recipient_ids" uuid[] NOT NULL,
	"method" text NOT NULL,
	"received_on" date NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "consent_revocation_network_id_id_pk" PRIMARY KEY("network_id","id")
);
--> statement-breakpoint
CREATE TABLE "consent" (
	"network_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"holder_org_id" uuid NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"information" text NOT NULL,
	"categories" text[] NOT NULL,
	"purposes" text[] NOT NULL,
	"purpose_description" text NOT NULL,
	"revocation_how" text NOT NULL,
	"expires_on" date,
	"expiry_event" text,
	"expiry_event_at" timestamp with time zone,
	"expiry_event_on" date,
	"signature_method" text NOT NULL,
	"signer_name" text NOT NULL,
	"signer_capacity" text NOT NULL,
	"signer_authority" text,
	"signature_image" "bytea",
	"signature_content_type" text,
	"signed_on" date NOT NULL,
	"redisclosure_statement" boolean NOT NULL,
	"refusal_consequences" text,
	"hipaa_redisclosure_statement" boolean NOT NULL,
	"program_fundraises" boolean NOT NULL,
	"fundraising_opt_out_statement" boolean NOT NULL,
	"intermediary" boolean NOT NULL,
	"language" text NOT NULL,
	"notice_version" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"suspended_at" timestamp with time zone,
	"suspended_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "consent_network_id_id_pk" PRIMARY KEY("network_id","id")
);
--> statement-breakpoint
CREATE TABLE "disclosure" (
	"network_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"holder_org_id" uuid NOT NULL,
	"recipient_org_id" uuid NOT NULL,
	"recipient_user_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"categories" text[] NOT NULL,
	"description" text NOT NULL,
	"purpose" text NOT NULL,
	"basis" text NOT NULL,
	"consent_id" uuid,
	"emergency_access_id" uuid,
	"general_designation" boolean NOT NULL,
	"channel" text NOT NULL,
	CONSTRAINT "disclosure_network_id_id_pk" PRIMARY KEY("network_id","id")
);
--> statement-breakpoint
CREATE TABLE "emergency_access" (
	"network_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"holder_org_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"recipient_name" text NOT NULL,
	"recipient_affiliation" text NOT NULL,
	"nature" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"review_note" text,
	CONSTRAINT "emergency_access_network_id_id_pk" PRIMARY KEY("network_id","id")
);
--> statement-breakpoint
CREATE TABLE "restriction" (
	"network_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"description" text NOT NULL,
	"organization_id" uuid,
	"purposes" text[] NOT NULL,
	"received_on" date NOT NULL,
	"decision" text NOT NULL,
	"paid_in_full" boolean NOT NULL,
	"item_or_service" text,
	"paid_by" text,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"terminated_at" timestamp with time zone,
	CONSTRAINT "restriction_network_id_id_pk" PRIMARY KEY("network_id","id")
);
--> statement-breakpoint
ALTER TABLE "patient_identifier" ADD CONSTRAINT "patient_identifier_network_id_patient_id_patient_network_id_id_fk" FOREIGN KEY ("network_id","patient_id") REFERENCES "public"."patient"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient" ADD CONSTRAINT "patient_network_id_holder_org_id_organization_network_id_id_fk" FOREIGN KEY ("network_id","holder_org_id") REFERENCES "public"."organization"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treating_relationship" ADD CONSTRAINT "treating_relationship_network_id_patient_id_patient_network_id_id_fk" FOREIGN KEY ("network_id","patient_id") REFERENCES "public"."patient"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treating_relationship" ADD CONSTRAINT "treating_relationship_network_id_organization_id_organization_network_id_id_fk" FOREIGN KEY ("network_id","organization_id") REFERENCES "public"."organization"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_recipient" ADD CONSTRAINT "consent_recipient_network_id_consent_id_consent_network_id_id_fk" FOREIGN KEY ("network_id","consent_id") REFERENCES "public"."consent"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_recipient" ADD CONSTRAINT "consent_recipient_network_id_organization_id_organization_network_id_id_fk" FOREIGN KEY ("network_id","organization_id") REFERENCES "public"."organization"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_revocation" ADD CONSTRAINT "consent_revocation_network_id_consent_id_consent_network_id_id_fk" FOREIGN KEY ("network_id","consent_id") REFERENCES "public"."consent"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_network_id_patient_id_patient_network_id_id_fk" FOREIGN KEY ("network_id","patient_id") REFERENCES "public"."patient"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure" ADD CONSTRAINT "disclosure_network_id_patient_id_patient_network_id_id_fk" FOREIGN KEY ("network_id","patient_id") REFERENCES "public"."patient"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_access" ADD CONSTRAINT "emergency_access_network_id_patient_id_patient_network_id_id_fk" FOREIGN KEY ("network_id","patient_id") REFERENCES "public"."patient"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restriction" ADD CONSTRAINT "restriction_network_id_patient_id_patient_network_id_id_fk" FOREIGN KEY ("network_id","patient_id") REFERENCES "public"."patient"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "patient_holder_name" ON "patient" USING btree ("network_id","holder_org_id","name_key");--> statement-breakpoint
CREATE INDEX "patient_holder_birth" ON "patient" USING btree ("network_id","holder_org_id","birth_date");--> statement-breakpoint
CREATE INDEX "consent_recipient_org" ON "consent_recipient" USING btree ("network_id","organization_id");--> statement-breakpoint
CREATE INDEX "consent_recipient_consent" ON "consent_recipient" USING btree ("network_id","consent_id");--> statement-breakpoint
CREATE INDEX "consent_patient" ON "consent" USING btree ("network_id","patient_id");--> statement-breakpoint
CREATE INDEX "disclosure_patient_at" ON "disclosure" USING btree ("network_id","patient_id","at");--> statement-breakpoint
CREATE INDEX "emergency_access_patient" ON "emergency_access" USING btree ("network_id","patient_id");--> statement-breakpoint
CREATE INDEX "emergency_access_holder" ON "emergency_access" USING btree ("network_id","holder_org_id","reviewed_at");--> statement-breakpoint
CREATE INDEX "restriction_patient" ON "restriction" USING btree ("network_id","patient_id");--> statement-breakpoint
-- The disclosure ledger is append-only (P15: entries kept at least 3 years and never edited).
CREATE FUNCTION disclosure_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'disclosure is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER disclosure_no_update BEFORE UPDATE OR DELETE ON disclosure
  FOR EACH ROW EXECUTE FUNCTION disclosure_append_only();
--> statement-breakpoint
CREATE TRIGGER disclosure_no_truncate BEFORE TRUNCATE ON disclosure
  FOR EACH STATEMENT EXECUTE FUNCTION disclosure_append_only();
