/**
 * Patient tables. A patient row belongs to the organization that registered it (the holder): only the
 * holder and organizations a consent permits can read it (`app/consent/patient-access.ts`). MRNs are per
 * organization. A treating relationship records that an organization treats the patient; it is what a
 * class or general-designation consent recipient must have (P6). Labels (`part2`) are fixed at
 * registration from the holder's Part 2 status and never removed (P1, P2).
 */
import {
  boolean,
  date,
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
import type { AddressView, PhoneView } from '../../domain/patients/views.ts';
import type { InsuranceKind } from '../../domain/patients/vocabulary.ts';
import { organizations } from './identity.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export const patients = pgTable(
  'patient',
  {
    networkId: uuid('network_id').notNull(),
    id: uuid('id').notNull(),
    holderOrgId: uuid('holder_org_id').notNull(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    /** Lower-case, accent-free "given family" for search; never leaves the server. */
    nameKey: text('name_key').notNull(),
    birthDate: day('birth_date').notNull(),
    sex: text('sex').notNull(),
    genderIdentity: text('gender_identity'),
    phones: jsonb('phones').$type<PhoneView[]>().notNull(),
    address: jsonb('address').$type<AddressView | null>(),
    unhoused: boolean('unhoused').notNull().default(false),
    preferredLanguage: text('preferred_language').notNull(),
    insurance: jsonb('insurance').$type<{
      kind: InsuranceKind;
      payerName: string | null;
      memberId: string | null;
    } | null>(),
    part2: boolean('part2').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.id] }),
    foreignKey({
      columns: [t.networkId, t.holderOrgId],
      foreignColumns: [organizations.networkId, organizations.id],
    }),
    index('patient_holder_name').on(t.networkId, t.holderOrgId, t.nameKey),
    index('patient_holder_birth').on(t.networkId, t.holderOrgId, t.birthDate),
  ],
);

/** A medical record number an organization gives the patient. */
export const patientIdentifiers = pgTable(
  'patient_identifier',
  {
    networkId: uuid('network_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    value: text('value').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.patientId, t.organizationId] }),
    unique('patient_identifier_value').on(t.networkId, t.organizationId, t.value),
    foreignKey({ columns: [t.networkId, t.patientId], foreignColumns: [patients.networkId, patients.id] }),
  ],
);

/** An organization treats the patient (recorded by a referral it accepted, later; P6). */
export const treatingRelationships = pgTable(
  'treating_relationship',
  {
    networkId: uuid('network_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    basis: text('basis').notNull(),
    startedAt: ts('started_at').notNull(),
    endedAt: ts('ended_at'),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.patientId, t.organizationId] }),
    foreignKey({ columns: [t.networkId, t.patientId], foreignColumns: [patients.networkId, patients.id] }),
    foreignKey({
      columns: [t.networkId, t.organizationId],
      foreignColumns: [organizations.networkId, organizations.id],
    }),
  ],
);
