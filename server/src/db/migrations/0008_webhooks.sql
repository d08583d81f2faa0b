CREATE TABLE "outbox_attempt" (
	"id" uuid PRIMARY KEY NOT NULL,
	"outbox_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"ok" boolean NOT NULL,
	"status_code" integer,
	"error" text,
	"duration_ms" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_subscription" (
	"network_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"url" text NOT NULL,
	"secret_sealed" text NOT NULL,
	"events" text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "webhook_subscription_network_id_id_pk" PRIMARY KEY("network_id","id")
);
--> statement-breakpoint
CREATE INDEX "outbox_attempt_outbox" ON "outbox_attempt" USING btree ("outbox_id","at");--> statement-breakpoint
CREATE INDEX "webhook_subscription_org" ON "webhook_subscription" USING btree ("network_id","organization_id");