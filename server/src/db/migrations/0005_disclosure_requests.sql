CREATE TABLE "disclosure_list_request" (
	"network_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"holder_org_id" uuid NOT NULL,
	"received_on" date NOT NULL,
	"due_on" date NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"fulfilled_at" timestamp with time zone,
	"fulfilled_by" uuid,
	CONSTRAINT "disclosure_list_request_network_id_id_pk" PRIMARY KEY("network_id","id")
);
--> statement-breakpoint
ALTER TABLE "restriction" ADD COLUMN "termination_basis" text;--> statement-breakpoint
ALTER TABLE "restriction" ADD COLUMN "termination_note" text;--> statement-breakpoint
ALTER TABLE "restriction" ADD COLUMN "terminated_by" uuid;--> statement-breakpoint
ALTER TABLE "disclosure_list_request" ADD CONSTRAINT "disclosure_list_request_network_id_patient_id_patient_network_id_id_fk" FOREIGN KEY ("network_id","patient_id") REFERENCES "public"."patient"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "disclosure_list_request_holder" ON "disclosure_list_request" USING btree ("network_id","holder_org_id","fulfilled_at");