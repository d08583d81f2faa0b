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

const policyOf = (p: MedicationPolicy): MedicationPolicy => ({
  start: p.start,
  continue: p.continue,
  acceptsCurrent: p.acceptsCurrent,
});

/**
 * The domain reading of a row, for matching. Every object is built with the same keys in the same order
 * (absent values as `undefined`), whatever the stored JSON holds: matching reads tens of thousands of
 * these per request, and objects of one shape keep the engine's property access fast.
 */
export function toDirectoryService(row: ServiceRow): DirectoryService {
  const medications = row.medications as Record<Medication, MedicationPolicy>;
  const policies = row.policies as ServicePolicies;
  const eligibility = row.eligibility as ServiceEligibility;
  const insurance = eligibility.insurance;
  const area = row.serviceArea as ServiceArea | null;
  return {
    id: row.id,
    organizationId: row.organizationId,
    siteId: row.siteId,
    name: row.name,
    kind: row.kind as ServiceKind,
    medications: {
      buprenorphine: policyOf(medications.buprenorphine),
      methadone: policyOf(medications.methadone),
      naltrexone_xr: policyOf(medications.naltrexone_xr),
    },
    policies: {
      harmReduction: policies.harmReduction,
      prerequisites: policies.prerequisites,
      walkIn: policies.walkIn,
      sameDayIntake: policies.sameDayIntake,
      nextDayIntake: policies.nextDayIntake,
      telehealth: policies.telehealth,
    },
    eligibility: {
      minAge: eligibility.minAge,
      maxAge: eligibility.maxAge,
      genders: eligibility.genders,
      insurance: insurance && {
        medicaid: insurance.medicaid,
        medicare: insurance.medicare,
        commercial: insurance.commercial,
        uninsured: insurance.uninsured,
      },
      languages: eligibility.languages,
      accessibility: eligibility.accessibility,
    },
    location:
      row.latitude !== null && row.longitude !== null
        ? {
            lat: row.latitude,
            lon: row.longitude,
            serviceArea: area ? { radiusKm: area.radiusKm, zips: area.zips } : undefined,
          }
        : undefined,
    timezone: row.timezone,
    intakeHours: (row.intakeHours as WeeklyHours | null) ?? undefined,
    holidays: row.holidays,
    acknowledgement: (row.acknowledgement as AcknowledgementPromise | null) ?? undefined,
    capacity:
      row.capacityStatus && row.capacityUpdatedAt
        ? {
            status: row.capacityStatus as CapacityStatus,
            updatedAt: row.capacityUpdatedAt,
            updatedBy: row.capacityUpdatedBy ?? 'unknown',
            expectedWaitDays: row.capacityExpectedWaitDays ?? undefined,
          }
        : undefined,
  };
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
