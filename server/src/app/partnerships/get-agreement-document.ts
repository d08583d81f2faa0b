/** The signed document of an agreement, for the two parties only. */
import { and, eq } from 'drizzle-orm';
import { partnershipAgreements } from '../../db/schema/index.ts';
import { notFound } from '../../lib/errors.ts';
import type { Actor, Deps } from '../context.ts';
import { partnershipFor } from './access.ts';

export async function getAgreementDocument(deps: Deps, actor: Actor, id: string, agreementId: string) {
  const { partnership } = await partnershipFor(deps, actor, id, 'partnership.read');
  const [row] = /^[0-9a-f-]{36}$/i.test(agreementId)
    ? await deps.db
        .select({
          name: partnershipAgreements.documentName,
          type: partnershipAgreements.documentType,
          data: partnershipAgreements.document,
        })
        .from(partnershipAgreements)
        .where(
          and(
            eq(partnershipAgreements.networkId, partnership.networkId),
            eq(partnershipAgreements.partnershipId, partnership.id),
            eq(partnershipAgreements.id, agreementId),
          ),
        )
    : [];
  if (!row?.data || !row.name || !row.type) throw notFound('Document');
  return { name: row.name, contentType: row.type, data: row.data };
}
