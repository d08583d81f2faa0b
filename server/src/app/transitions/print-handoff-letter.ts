/**
 * The printable handoff letters of a transition (the hospital only): the patient's letter (where to go, when,
 * what to bring, what to do if the medication runs out, overdose-prevention basics; en/es) and the letter for
 * a partner without any system (the packet on paper). The letter is about one referral — the one asked for,
 * else the first booked one, else the first still open. The partner letter always carries the §2.32
 * Statement 1 verbatim and the consent it is disclosed under (P12) — like every disclosure through the API,
 * whether or not the holder is a Part 2 program (the stricter reading).
 *
 * Gap, written down: handing a partner letter over is a disclosure outside the system; it is audited
 * (`transition.print`, with the partner) but not written to the disclosure ledger, whose entries name the
 * reading organization and user.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import { handoffPackets, organizations, referrals, services, sites } from '../../db/schema/index.ts';
import type { PacketView } from '../../domain/transitions/views.ts';
import { TERMINAL } from '../../domain/transitions/referral-states.ts';
import type { ReferralStatus } from '../../domain/transitions/vocabulary.ts';
import { renderHandoffLetter } from '../../integrations/pdf/handoff-letter-pdf.ts';
import { notFound } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { part2Texts } from '../consent/part2-texts-source.ts';
import type { Actor, Deps } from '../context.ts';
import { openTransition } from './open-transition.ts';

export interface LetterRequest {
  audience: 'patient' | 'partner';
  lang: 'en' | 'es';
  referral?: string | undefined;
}

export async function printHandoffLetter(
  deps: Deps,
  actor: Actor,
  transitionId: string,
  request: LetterRequest,
): Promise<{ body: Buffer; fileName: string }> {
  const { member, transition, patient, timezone } = await openTransition(
    deps,
    actor,
    transitionId,
    'patient.read',
    'Handoff letter',
  );
  const networkId = member.networkId;
  const all = await deps.db
    .select()
    .from(referrals)
    .where(and(eq(referrals.networkId, networkId), eq(referrals.transitionId, transition.id)))
    .orderBy(asc(referrals.appointmentAt), asc(referrals.createdAt));
  const referral = request.referral
    ? all.find((r) => r.id === request.referral)
    : (all.find((r) => r.status === 'scheduled') ??
      all.find((r) => !TERMINAL.includes(r.status as ReferralStatus)));
  if (request.referral && !referral) throw notFound('Referral');
  const [packet] = await deps.db
    .select()
    .from(handoffPackets)
    .where(and(eq(handoffPackets.networkId, networkId), eq(handoffPackets.transitionId, transition.id)))
    .orderBy(desc(handoffPackets.version))
    .limit(1);
  if (!packet) throw new Error('transition without a packet');
  const view: PacketView = {
    ...packet.content,
    version: packet.version,
    createdAt: packet.createdAt.toISOString(),
    patient: {
      name: `${patient.givenName} ${patient.familyName}`,
      birthDate: patient.birthDate,
      preferredLanguage: patient.preferredLanguage,
      phones: patient.phones,
      address: patient.address ?? null,
      unhoused: patient.unhoused,
    },
  };
  const [place] = referral
    ? await deps.db
        .select({
          service: services.name,
          organization: organizations.name,
          site: sites,
          orgPhone: organizations.phone,
        })
        .from(services)
        .innerJoin(
          organizations,
          and(eq(organizations.networkId, services.networkId), eq(organizations.id, services.organizationId)),
        )
        .innerJoin(sites, and(eq(sites.networkId, services.networkId), eq(sites.id, services.siteId)))
        .where(and(eq(services.networkId, networkId), eq(services.id, referral.serviceId)))
    : [];
  const address = place?.site.street
    ? [
        place.site.street,
        place.site.city,
        [place.site.state, place.site.postalCode].filter(Boolean).join(' '),
      ]
        .filter(Boolean)
        .join(', ')
    : null;
  const statement =
    request.audience === 'partner'
      ? `${part2Texts(deps).statement1}\n\nDisclosed for treatment under the patient's written consent` +
        (referral?.consentId ? ` (reference ${referral.consentId}).` : '.')
      : null;
  const body = await renderHandoffLetter({
    audience: request.audience,
    lang: request.lang,
    timeZone: timezone,
    generatedAt: deps.clock.now(),
    packet: view,
    appointment: referral?.status === 'scheduled' ? (referral.appointment ?? null) : null,
    service: place
      ? {
          name: place.service,
          organizationName: place.organization,
          address,
          phone: place.site.phone ?? place.orgPhone,
        }
      : null,
    disclosureStatement: statement,
  });
  await deps.db.transaction((tx) =>
    appendAuditEvent(tx, member, deps.clock.now(), {
      action: 'transition.print',
      entityType: 'transition',
      entityId: transition.id,
      patientId: patient.id,
      details: {
        audience: request.audience,
        lang: request.lang,
        referralId: referral?.id ?? null,
        receiverOrganizationId: referral?.receiverOrgId ?? null,
      },
    }),
  );
  return { body: Buffer.from(body), fileName: `handoff-${request.audience}-${request.lang}.pdf` };
}
