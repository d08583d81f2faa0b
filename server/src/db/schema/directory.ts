/**
 * Directory tables: services (one partner service at one site), the history of capacity reports, the
 * per-network change counter that keeps in-memory match snapshots current, and directory imports.
 *
 * A service row stores the columns the API filters on (kind, status, organization, site, capacity) as
 * columns and the nested policy data (medications, policies, eligibility, hours) as JSONB in the shape of
 * `domain/directory/service.ts`, validated on every write by `app/directory/schemas.ts`.
 *
 * `change_seq` orders writes: every write to a service takes the next value of its network's
 * `directory_state.change_seq` (a row lock held to commit), so sequence order is commit order and a reader
 * that has seen change N has seen every change before it (see `app/directory/snapshot.ts`).
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { networks, organizations, sites } from './identity.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const directoryState = pgTable('directory_state', {
  networkId: uuid('network_id')
    .primaryKey()
    .references(() => networks.id),
  changeSeq: bigint('change_seq', { mode: 'number' }).notNull().default(0),
});

export const services = pgTable(
  'service',
  {
    networkId: uuid('network_id').notNull(),
    id: uuid('id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    siteId: uuid('site_id').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    kind: text('kind').notNull(),
    /** HSDS service status: active, inactive, defunct, temporarily closed. Only `active` is matched. */
    status: text('status').notNull().default('active'),
    medications: jsonb('medications').notNull(),
    policies: jsonb('policies').notNull(),
    eligibility: jsonb('eligibility').notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    serviceArea: jsonb('service_area'),
    timezone: text('timezone').notNull(),
    intakeHours: jsonb('intake_hours'),
    holidays: text('holidays')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    acknowledgement: jsonb('acknowledgement'),
    referralChannel: text('referral_channel'),
    phone: text('phone'),
    email: text('email'),
    url: text('url'),
    capacityStatus: text('capacity_status'),
    capacityUpdatedAt: ts('capacity_updated_at'),
    capacityUpdatedBy: text('capacity_updated_by'),
    capacityExpectedWaitDays: integer('capacity_expected_wait_days'),
    /** Where an imported service came from (e.g. `hsds:<dataset>`, `csv`) and its id there. */
    externalSource: text('external_source'),
    externalId: text('external_id'),
    changeSeq: bigint('change_seq', { mode: 'number' }).notNull(),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.id] }),
    foreignKey({
      columns: [t.networkId, t.organizationId],
      foreignColumns: [organizations.networkId, organizations.id],
    }),
    foreignKey({ columns: [t.networkId, t.siteId], foreignColumns: [sites.networkId, sites.id] }),
    unique('service_external_key').on(t.networkId, t.externalSource, t.externalId),
    index('service_change_idx').on(t.networkId, t.changeSeq),
    index('service_org_idx').on(t.networkId, t.organizationId),
    index('service_updated_idx').on(t.networkId, t.updatedAt),
  ],
);

/** Every capacity report ever made, newest last; the service row holds the current one. */
export const capacityReports = pgTable(
  'capacity_report',
  {
    networkId: uuid('network_id').notNull(),
    id: uuid('id').notNull(),
    serviceId: uuid('service_id').notNull(),
    status: text('status').notNull(),
    expectedWaitDays: integer('expected_wait_days'),
    reportedBy: text('reported_by').notNull(),
    reportedAt: ts('reported_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.id] }),
    foreignKey({ columns: [t.networkId, t.serviceId], foreignColumns: [services.networkId, services.id] }),
    index('capacity_report_service_idx').on(t.networkId, t.serviceId, t.reportedAt),
  ],
);

/**
 * A directory import (HSDS JSON, HSDS CSV data package, services CSV): progress for the UI's progress
 * bar and the per-row problems (file, row, field, reason) for the report.
 */
export const directoryImports = pgTable(
  'directory_import',
  {
    networkId: uuid('network_id').notNull(),
    id: uuid('id').notNull(),
    format: text('format').notNull(),
    /** `running`, `succeeded` (possibly with skipped rows), `failed` (nothing imported). */
    state: text('state').notNull(),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    importedRows: integer('imported_rows').notNull().default(0),
    skippedRows: integer('skipped_rows').notNull().default(0),
    problems: jsonb('problems')
      .notNull()
      .default(sql`'[]'::jsonb`),
    error: text('error'),
    startedBy: text('started_by').notNull(),
    startedAt: ts('started_at').notNull(),
    finishedAt: ts('finished_at'),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.id] }),
    index('directory_import_started_idx').on(t.networkId, t.startedAt),
  ],
);
