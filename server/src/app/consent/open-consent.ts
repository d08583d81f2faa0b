/**
 * Finds a consent for its holding organization: the consent's patient goes through `openPatient` (holder
 * only), and any other case — unknown id, another organization's patient — is the same "Consent not found".
 */
import { and, eq } from 'drizzle-orm';
import { consents } from '../../db/schema/index.ts';
import type { Action } from '../../domain/identity/permissions.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { openPatient, type OpenedPatient } from './open-patient.ts';
import { isUuid } from '../../lib/uuid.ts';

export async function openConsent(
  deps: Deps,
  actor: Actor,
  consentId: string,
  action: Action,
): Promise<OpenedPatient & { consent: typeof consents.$inferSelect }> {
  const member = requireMember(actor);
  const [consent] = isUuid(consentId)
    ? await deps.db
        .select()
        .from(consents)
        .where(and(eq(consents.networkId, member.networkId), eq(consents.id, consentId)))
    : [];
  try {
    const opened = await openPatient(deps, actor, consent?.patientId ?? consentId, {
      action,
      category: 'demographics',
      purpose: 'TREAT',
      channel: 'web',
      description: 'Consent management',
      holderOnly: true,
      requested: { entityType: 'consent', entityId: consentId },
    });
    if (!consent) throw notFound('Consent');
    return { ...opened, consent };
  } catch (error) {
    if (error instanceof AppError && error.kind === 'not_found') throw notFound('Consent');
    throw error;
  }
}
