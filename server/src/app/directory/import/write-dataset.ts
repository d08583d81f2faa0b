/**
 * Writes a parsed dataset into one network's directory, in place: organizations, sites and services are
 * matched by (`external_source`, `external_id`) — or, for the services spreadsheet, by Handoff's own ids
 * — updated when they exist and created when they do not. Every service is validated with the same
 * `serviceInput` as the API; a row that fails is reported (file, row, field, reason) and skipped, and
 * nothing of it is written. Services go in chunks, each one transaction with one directory change
 * number, with bulk statements (a 20,000-service import is a few dozen statements, not 60,000).
 *
 * Choices, written down:
 * - Imported organizations that do not exist are created as directory-only community organizations
 *   (no members), Part 2 program by default (the strict reading), with a CBO subtype from their first
 *   service's kind; an existing organization keeps its kind, subtype and Part 2 status.
 * - A capacity report carried by the source is written only when it is newer than the current one, and
 *   attributed to `import:<source>`.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { bulkInsert, bulkUpdate } from '../../../db/bulk.ts';
import { capacityReports, services } from '../../../db/schema/index.ts';
import { CAPACITY_STATUSES, type CapacityStatus } from '../../../domain/directory/vocabulary.ts';
import { serviceInput } from '../schemas.ts';
import type { SiteRow } from '../service-record.ts';
import { networkTimezone, nextChangeSeq, serviceColumns } from '../write-service.ts';
import type { ImportedService, ImportProblem, ParsedDataset } from './dataset.ts';
import { writeOrganizationsAndSites } from './write-places.ts';

const CHUNK = 2000;

export interface WriteProgress {
  processed: number;
  imported: number;
  skipped: number;
}

function issuesAsProblems(at: ImportedService, error: z.ZodError): ImportProblem[] {
  return error.issues.map((issue) => ({
    file: at.file,
    row: at.row,
    field: issue.path.join('.') || '(row)',
    reason: issue.message,
  }));
}

interface Existing {
  id: string;
  version: number;
  organizationId: string;
  capacityUpdatedAt: Date | null;
}

async function existingServices(
  db: Db,
  networkId: string,
  dataset: ParsedDataset,
): Promise<Map<string, Existing>> {
  const ownIds = dataset.source === 'csv';
  const rows = await db
    .select({
      id: services.id,
      externalId: services.externalId,
      externalSource: services.externalSource,
      version: services.version,
      organizationId: services.organizationId,
      capacityUpdatedAt: services.capacityUpdatedAt,
    })
    .from(services)
    .where(
      ownIds
        ? eq(services.networkId, networkId)
        : and(
            eq(services.networkId, networkId),
            or(eq(services.externalSource, dataset.source), isNull(services.externalSource)),
          ),
    );
  // A Handoff id in an HSDS file is one of our own services coming back (our export, edited): update it.
  return new Map(
    rows.flatMap((r) =>
      ownIds || r.externalSource === null ? [[r.id, r]] : r.externalId ? [[r.externalId, r]] : [],
    ),
  );
}

/** Writes the dataset; calls `onProgress` after each chunk. Problems are appended to `dataset.problems`. */
export async function writeDataset(
  db: Db,
  networkId: string,
  dataset: ParsedDataset,
  now: Date,
  onProgress: (progress: WriteProgress) => Promise<void>,
): Promise<WriteProgress> {
  const places = await writeOrganizationsAndSites(db, networkId, dataset, now);
  const existing = await existingServices(db, networkId, dataset);
  const fallbackZone = await networkTimezone(db, networkId);
  const progress: WriteProgress = { processed: 0, imported: 0, skipped: 0 };
  const reporter = `import:${dataset.source}`;
  for (let at = 0; at < dataset.services.length; at += CHUNK) {
    const chunk = dataset.services.slice(at, at + CHUNK);
    const inserts: Array<typeof services.$inferInsert> = [];
    const updates: Array<typeof services.$inferInsert> = [];
    const reports: Array<typeof capacityReports.$inferInsert> = [];
    for (const imported of chunk) {
      const place = places.resolve(imported);
      if ('problem' in place) {
        dataset.problems.push(place.problem);
        progress.skipped++;
        continue;
      }
      const parsed = serviceInput.safeParse({ ...imported.input, siteId: place.site.id });
      const current = imported.externalId ? existing.get(imported.externalId) : undefined;
      const unknownId = dataset.source === 'csv' && imported.externalId !== '' && !current;
      if (!parsed.success || unknownId || (current && current.organizationId !== place.organizationId)) {
        if (!parsed.success) dataset.problems.push(...issuesAsProblems(imported, parsed.error));
        else
          dataset.problems.push({
            file: imported.file,
            row: imported.row,
            field: 'id',
            reason: unknownId
              ? 'no service with this id in the network'
              : 'the service belongs to another organization',
          });
        progress.skipped++;
        continue;
      }
      const columns = serviceColumns(parsed.data, place.site as SiteRow, fallbackZone);
      const id = current?.id ?? randomUUID();
      const capacity = capacityOf(imported, current, now);
      const capacityColumns = capacity
        ? {
            capacityStatus: capacity.status,
            capacityExpectedWaitDays: capacity.expectedWaitDays ?? null,
            capacityUpdatedAt: capacity.at,
            capacityUpdatedBy: reporter,
          }
        : {};
      if (current) {
        updates.push({
          networkId,
          id,
          organizationId: current.organizationId,
          ...columns,
          ...capacityColumns,
          version: current.version + 1,
          changeSeq: 0,
          createdAt: now,
          updatedAt: now,
        });
      } else {
        inserts.push({
          networkId,
          id,
          organizationId: place.organizationId,
          ...columns,
          ...capacityColumns,
          externalSource: dataset.source === 'csv' ? null : dataset.source,
          externalId: dataset.source === 'csv' ? null : imported.externalId,
          changeSeq: 0,
          createdAt: now,
          updatedAt: now,
        });
        if (dataset.source !== 'csv')
          existing.set(imported.externalId, {
            id,
            version: 1,
            organizationId: place.organizationId,
            capacityUpdatedAt: null,
          });
      }
      if (capacity) {
        reports.push({
          networkId,
          id: randomUUID(),
          serviceId: id,
          status: capacity.status,
          expectedWaitDays: capacity.expectedWaitDays ?? null,
          reportedBy: reporter,
          reportedAt: capacity.at,
        });
      }
    }
    await db.transaction(async (tx) => {
      const changeSeq = await nextChangeSeq(tx, networkId);
      await bulkInsert(
        tx,
        services,
        inserts.map((row) => ({ ...row, changeSeq })),
      );
      // An update keeps the row's creation time: leave `createdAt` out of what is set.
      await bulkUpdate(
        tx,
        services,
        ['networkId', 'id'],
        updates.map(({ createdAt: _created, ...row }) => ({ ...row, changeSeq })),
      );
      await bulkInsert(tx, capacityReports, reports);
    });
    progress.processed += chunk.length;
    progress.imported += inserts.length + updates.length;
    await onProgress({ ...progress });
  }
  return progress;
}

function capacityOf(
  imported: ImportedService,
  current: Existing | undefined,
  now: Date,
): { status: CapacityStatus; expectedWaitDays?: number; at: Date } | undefined {
  const capacity = imported.capacity;
  if (!capacity || !(CAPACITY_STATUSES as readonly string[]).includes(capacity.status)) return undefined;
  const at = capacity.reportedAt ? new Date(capacity.reportedAt) : now;
  if (Number.isNaN(at.getTime()) || at.getTime() > now.getTime()) return undefined;
  if (current?.capacityUpdatedAt && current.capacityUpdatedAt.getTime() >= at.getTime()) return undefined;
  return {
    status: capacity.status as CapacityStatus,
    at,
    ...(capacity.status === 'waitlist' && capacity.expectedWaitDays !== undefined
      ? { expectedWaitDays: capacity.expectedWaitDays }
      : {}),
  };
}
