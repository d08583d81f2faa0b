/**
 * A service row and its two readings: the domain `DirectoryService` that matching evaluates, and the
 * `ServiceView` the API returns (with the site's address and the capacity as matching sees it: a report
 * older than the configured age shows as `unknown`, with the reported status kept beside it).
 */
import type { services, sites } from '../../db/schema/index.ts';
import {
  effectiveCapacity,
  type AcknowledgementPromise,
  type DirectoryService,
  type EffectiveCapacity,
  type Medication,
  type MedicationPolicy,
  type ServiceEligibility,
  type ServicePolicies,
  type WeeklyHours,
} from '../../domain/directory/index.ts';
import type { CapacityStatus, ServiceKind } from '../../domain/directory/vocabulary.ts';
import type { ServiceStatus } from './schemas.ts';

export type ServiceRow = typeof services.$inferSelect;
export type SiteRow = typeof sites.$inferSelect;

type ServiceArea = { radiusKm?: number; zips?: string[] };

/** The domain reading of a row, for matching. */
export function toDirectoryService(row: ServiceRow): DirectoryService {
  const service: DirectoryService = {
    id: row.id,
    organizationId: row.organizationId,
    siteId: row.siteId,
    name: row.name,
    kind: row.kind as ServiceKind,
    medications: row.medications as Record<Medication, MedicationPolicy>,
    policies: row.policies as ServicePolicies,
    eligibility: row.eligibility as ServiceEligibility,
    timezone: row.timezone,
    holidays: row.holidays,
  };
  if (row.latitude !== null && row.longitude !== null) {
    service.location = { lat: row.latitude, lon: row.longitude };
    if (row.serviceArea) service.location.serviceArea = row.serviceArea as ServiceArea;
  }
  if (row.intakeHours) service.intakeHours = row.intakeHours as WeeklyHours;
  if (row.acknowledgement) service.acknowledgement = row.acknowledgement as AcknowledgementPromise;
  if (row.capacityStatus && row.capacityUpdatedAt) {
    service.capacity = {
      status: row.capacityStatus as CapacityStatus,
      updatedAt: row.capacityUpdatedAt,
      updatedBy: row.capacityUpdatedBy ?? 'unknown',
      ...(row.capacityExpectedWaitDays !== null ? { expectedWaitDays: row.capacityExpectedWaitDays } : {}),
    };
  }
  return service;
}

export interface CapacityView extends EffectiveCapacity {
  updatedAt: string | null;
  /** A user id, or `import:<source>`; never a name. */
  updatedBy: string | null;
}

export function capacityView(row: ServiceRow, now: Date, maxAgeDays: number): CapacityView {
  const service = toDirectoryService(row);
  return {
    ...effectiveCapacity(service.capacity, now, maxAgeDays),
    updatedAt: row.capacityUpdatedAt?.toISOString() ?? null,
    updatedBy: row.capacityUpdatedBy,
  };
}

export interface ServiceNames {
  organizationName: string;
  site: Pick<SiteRow, 'name' | 'street' | 'city' | 'state' | 'postalCode'>;
}

export function serviceView(row: ServiceRow, names: ServiceNames, now: Date, maxAgeDays: number) {
  return {
    id: row.id,
    organizationId: row.organizationId,
    organizationName: names.organizationName,
    siteId: row.siteId,
    siteName: names.site.name,
    address: {
      street: names.site.street,
      city: names.site.city,
      state: names.site.state,
      postalCode: names.site.postalCode,
    },
    name: row.name,
    description: row.description,
    kind: row.kind as ServiceKind,
    status: row.status as ServiceStatus,
    medications: row.medications as Record<Medication, MedicationPolicy>,
    policies: row.policies as ServicePolicies,
    eligibility: row.eligibility as ServiceEligibility,
    location:
      row.latitude !== null && row.longitude !== null
        ? {
            lat: row.latitude,
            lon: row.longitude,
            ...(row.serviceArea ? { serviceArea: row.serviceArea as ServiceArea } : {}),
          }
        : null,
    timezone: row.timezone,
    intakeHours: (row.intakeHours as WeeklyHours | null) ?? null,
    holidays: row.holidays,
    acknowledgement: (row.acknowledgement as AcknowledgementPromise | null) ?? null,
    referralChannel: row.referralChannel,
    phone: row.phone,
    email: row.email,
    url: row.url,
    capacity: capacityView(row, now, maxAgeDays),
    externalSource: row.externalSource,
    externalId: row.externalId,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type ServiceView = ReturnType<typeof serviceView>;
