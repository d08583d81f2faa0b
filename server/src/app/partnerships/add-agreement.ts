/** Adds an agreement (MOU, QSOA, BAA, data sharing), optionally with its signed document. */
import { randomUUID } from 'node:crypto';
import { partnershipAgreements } from '../../db/schema/index.ts';
import type { Actor, Deps } from '../context.ts';
import type { AgreementInput } from './schemas.ts';
import { manageWorkspace } from './manage-workspace.ts';

export const addAgreement = (deps: Deps, actor: Actor, id: string, input: AgreementInput) =>
  manageWorkspace(deps, actor, id, 'agreement', async (tx, now, p, by) => {
    await tx.insert(partnershipAgreements).values({
      networkId: p.networkId,
      id: randomUUID(),
      partnershipId: p.id,
      kind: input.kind,
      title: input.title,
      effectiveOn: input.effectiveOn,
      expiresOn: input.expiresOn ?? null,
      documentName: input.document?.name ?? null,
      documentType: input.document?.contentType ?? null,
      document: input.document ? Buffer.from(input.document.data, 'base64') : null,
      createdBy: by.userId,
      createdAt: now,
      updatedAt: now,
    });
  });
