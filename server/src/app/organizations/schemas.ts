/**
 * Input schemas and response views for organizations and sites. REST validates with these schemas
 * (and publishes them in OpenAPI); the CLI parses its arguments with the same ones.
 */
import { z } from 'zod';
import type { organizations, sites } from '../../db/schema/index.ts';
import {
  CBO_SUBTYPES,
  ORGANIZATION_KINDS,
  PART2_LEGAL_STATUSES,
  ROLES,
} from '../../domain/identity/vocabulary.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

const zipCode = z
  .string()
  .regex(/^\d{5}(-\d{4})?$/, 'must be a US ZIP code')
  .nullable()
  .optional();

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lowercase letters, digits and single dashes')
  .min(2)
  .max(60);

const organizationFields = {
  name: text(200),
  part2Program: z.boolean(),
  part2LegalStatus: z.enum(PART2_LEGAL_STATUSES),
  totpRequiredRoles: z.array(z.enum(ROLES)).max(ROLES.length),
  street: optionalText(200),
  city: optionalText(100),
  state: optionalText(2),
  postalCode: zipCode,
  phone: optionalText(40),
  website: z.url().max(300).nullable().optional(),
  active: z.boolean(),
};

export const createOrganizationInput = z
  .strictObject({
    slug: slugSchema,
    kind: z.enum(ORGANIZATION_KINDS),
    cboSubtype: z.enum(CBO_SUBTYPES).nullable().optional(),
    parentId: z.uuid().nullable().optional(),
    ...organizationFields,
    part2Program: organizationFields.part2Program.default(true),
    part2LegalStatus: organizationFields.part2LegalStatus.default('part2_program'),
    totpRequiredRoles: organizationFields.totpRequiredRoles.default([]),
    active: organizationFields.active.default(true),
  })
  .check((ctx) => {
    const { kind, cboSubtype } = ctx.value;
    if (kind === 'cbo' && !cboSubtype) {
      ctx.issues.push({
        code: 'custom',
        path: ['cboSubtype'],
        message: 'is required for a CBO',
        input: cboSubtype,
      });
    }
    if (kind !== 'cbo' && cboSubtype) {
      ctx.issues.push({
        code: 'custom',
        path: ['cboSubtype'],
        message: 'is only for CBOs',
        input: cboSubtype,
      });
    }
  });
export type CreateOrganizationInput = z.output<typeof createOrganizationInput>;

export const updateOrganizationInput = z
  .strictObject(organizationFields)
  .partial()
  .extend({ cboSubtype: z.enum(CBO_SUBTYPES).optional() });
export type UpdateOrganizationInput = z.output<typeof updateOrganizationInput>;

export const siteInput = z.strictObject({
  name: text(200),
  street: optionalText(200),
  city: optionalText(100),
  state: optionalText(2),
  postalCode: zipCode,
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  timezone: z.string().max(64).nullable().optional(),
  phone: optionalText(40),
  active: z.boolean().optional(),
});
export type SiteInput = z.output<typeof siteInput>;
export const siteUpdateInput = siteInput.partial();

export type OrganizationRow = typeof organizations.$inferSelect;
export type SiteRow = typeof sites.$inferSelect;

export const organizationView = (o: OrganizationRow) => ({
  id: o.id,
  networkId: o.networkId,
  slug: o.slug,
  name: o.name,
  kind: o.kind,
  cboSubtype: o.cboSubtype,
  parentId: o.parentId,
  part2Program: o.part2Program,
  part2LegalStatus: o.part2LegalStatus,
  totpRequiredRoles: o.totpRequiredRoles,
  street: o.street,
  city: o.city,
  state: o.state,
  postalCode: o.postalCode,
  phone: o.phone,
  website: o.website,
  active: o.active,
  version: o.version,
  createdAt: o.createdAt.toISOString(),
  updatedAt: o.updatedAt.toISOString(),
});
export type OrganizationView = ReturnType<typeof organizationView>;

export const siteView = (s: SiteRow) => ({
  id: s.id,
  organizationId: s.organizationId,
  name: s.name,
  street: s.street,
  city: s.city,
  state: s.state,
  postalCode: s.postalCode,
  latitude: s.latitude,
  longitude: s.longitude,
  timezone: s.timezone,
  phone: s.phone,
  active: s.active,
});
export type SiteView = ReturnType<typeof siteView>;
