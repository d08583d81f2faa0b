/**
 * Identity tables: networks (the tenant), organizations, sites, users, memberships, sessions,
 * API tokens, invitations, password resets and the login throttle.
 * Tenant tables carry `network_id` in every primary key, unique constraint and foreign key so they
 * can be distributed by network later (see architecture.md, "Tenancy from day one").
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const networks = pgTable('network', {
  id: uuid('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  timezone: text('timezone').notNull().default('America/New_York'),
  createdAt: ts('created_at').notNull(),
});

export const organizations = pgTable(
  'organization',
  {
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    id: uuid('id').notNull(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    cboSubtype: text('cbo_subtype'),
    parentId: uuid('parent_id'),
    part2Program: boolean('part2_program').notNull().default(true),
    part2LegalStatus: text('part2_legal_status').notNull().default('part2_program'),
    totpRequiredRoles: text('totp_required_roles')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    street: text('street'),
    city: text('city'),
    state: text('state'),
    postalCode: text('postal_code'),
    phone: text('phone'),
    website: text('website'),
    description: text('description'),
    /** Where an imported (directory-only) organization came from, e.g. `hsds:<dataset>`, and its id there. */
    externalSource: text('external_source'),
    externalId: text('external_id'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.id] }),
    unique('organization_slug_key').on(t.networkId, t.slug),
    unique('organization_external_key').on(t.networkId, t.externalSource, t.externalId),
    foreignKey({ columns: [t.networkId, t.parentId], foreignColumns: [t.networkId, t.id] }),
  ],
);

export const sites = pgTable(
  'site',
  {
    networkId: uuid('network_id').notNull(),
    id: uuid('id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    name: text('name').notNull(),
    street: text('street'),
    city: text('city'),
    state: text('state'),
    postalCode: text('postal_code'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    timezone: text('timezone'),
    phone: text('phone'),
    externalSource: text('external_source'),
    externalId: text('external_id'),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.id] }),
    foreignKey({
      columns: [t.networkId, t.organizationId],
      foreignColumns: [organizations.networkId, organizations.id],
    }),
    unique('site_external_key').on(t.networkId, t.externalSource, t.externalId),
  ],
);

/** A person who can sign in. Global: one login may hold memberships in several organizations. */
export const users = pgTable('app_user', {
  id: uuid('id').primaryKey(),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash'),
  passwordChangedAt: ts('password_changed_at'),
  totpSecretEnc: text('totp_secret_enc'),
  totpEnabledAt: ts('totp_enabled_at'),
  /** Last accepted TOTP time step: a code is never accepted twice (replay protection). */
  totpLastStep: integer('totp_last_step'),
  locale: text('locale').notNull().default('en'),
  status: text('status').notNull().default('active'),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const memberships = pgTable(
  'membership',
  {
    networkId: uuid('network_id').notNull(),
    id: uuid('id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organizationId: uuid('organization_id').notNull(),
    roles: text('roles').array().notNull(),
    title: text('title'),
    status: text('status').notNull().default('active'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.id] }),
    unique('membership_user_org_key').on(t.networkId, t.userId, t.organizationId),
    foreignKey({
      columns: [t.networkId, t.organizationId],
      foreignColumns: [organizations.networkId, organizations.id],
    }),
    index('membership_user_idx').on(t.userId),
  ],
);

/** Browser sessions. Only the SHA-256 of the cookie value is stored. */
export const sessions = pgTable(
  'session',
  {
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    networkId: uuid('network_id'),
    membershipId: uuid('membership_id'),
    csrfToken: text('csrf_token').notNull(),
    totpVerified: boolean('totp_verified').notNull().default(false),
    createdAt: ts('created_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

/** Personal API tokens: scoped to one membership, stored hashed, revocable, expiring. */
export const apiTokens = pgTable(
  'api_token',
  {
    networkId: uuid('network_id').notNull(),
    id: uuid('id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    membershipId: uuid('membership_id').notNull(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    prefix: text('prefix').notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.id] }),
    foreignKey({
      columns: [t.networkId, t.membershipId],
      foreignColumns: [memberships.networkId, memberships.id],
    }),
  ],
);

export const invitations = pgTable(
  'invitation',
  {
    networkId: uuid('network_id').notNull(),
    id: uuid('id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    email: text('email').notNull(),
    roles: text('roles').array().notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: uuid('invited_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    acceptedAt: ts('accepted_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.id] }),
    foreignKey({
      columns: [t.networkId, t.organizationId],
      foreignColumns: [organizations.networkId, organizations.id],
    }),
  ],
);

export const passwordResets = pgTable('password_reset', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: ts('created_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
});

/** Failed-login counter per e-mail address (hashed, whether or not the account exists). */
export const loginThrottle = pgTable('login_throttle', {
  keyHash: text('key_hash').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lockedUntil: ts('locked_until'),
  lastFailureAt: ts('last_failure_at'),
});
