CREATE TABLE "notification_preference" (
	"network_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"category" text NOT NULL,
	"email" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notification_preference_network_id_membership_id_category_pk" PRIMARY KEY("network_id","membership_id","category")
);
