/**
 * Whether an opened patient's name may be shown to the actor: always to the holder and under emergency
 * access; under a consent only when the consent relied on covers demographics (a consent for treatment
 * data alone shows the plan, not who the patient is).
 */
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { consents } from '../../db/schema/index.ts';
import type { OpenedPatient } from './open-patient.ts';

export async function showsName(db: Queryable, opened: OpenedPatient): Promise<boolean> {
  const { decision } = opened;
  if (decision.basis !== 'consent') return true;
  const [consent] = await db
    .select({ categories: consents.categories })
    .from(consents)
    .where(and(eq(consents.networkId, opened.member.networkId), eq(consents.id, decision.consentId)));
  return consent?.categories.includes('demographics') ?? false;
}

/** The name to show, or null. */
export async function shownName(db: Queryable, opened: OpenedPatient): Promise<string | null> {
  return (await showsName(db, opened)) ? `${opened.patient.givenName} ${opened.patient.familyName}` : null;
}
