/**
 * Matrix probes for transitions and referrals. Setup inserts, in the probing organization (a hospital): a
 * patient with a consent naming a partner that has a service, and a transition (for `transition.manage` and
 * `referral.send`); and a referral another hospital sent TO the probing organization, booked, under a
 * consent naming it (for `referral.respond` and `referral.message`, which the receiving side does). The
 * other organization's counterparts answer 404 for every role.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import { organizations, referralEvents, referrals, services } from '../../../src/db/schema/index.ts';
import { insertProbeConsent, insertProbePatient, insertProbeTransition } from './probe-records.ts';
import type { MatrixContext, ProbeModule } from './types.ts';

export function transitionProbes(ctx: MatrixContext): ProbeModule {
  let networkId = '';
  let serviceId = '';
  const patientOf: Record<string, string> = {};
  const transitionOf: Record<string, string> = {};
  const incomingOf: Record<string, string> = {};

  const insertTransition = (holderOrgId: string, patientId: string) =>
    insertProbeTransition(ctx, networkId, holderOrgId, patientId);

  /** A booked referral from `senderOrgId`'s patient to `receiverOrgId`, under a consent naming the receiver. */
  async function insertIncoming(senderOrgId: string, receiverOrgId: string): Promise<string> {
    const t = ctx.app();
    const now = t.clock.now();
    const patientId = await insertProbePatient(ctx, networkId, senderOrgId);
    const consentId = await insertProbeConsent(ctx, networkId, patientId, receiverOrgId, [
      'demographics',
      'treatment',
    ]);
    const transitionId = await insertTransition(senderOrgId, patientId);
    const id = randomUUID();
    const appointment = {
      at: new Date(now.getTime() + 3 * 86_400_000).toISOString(),
      place: null,
      notes: null,
    };
    await t.deps.db.insert(referrals).values({
      networkId,
      id,
      transitionId,
      patientId,
      senderOrgId,
      receiverOrgId,
      serviceId,
      status: 'scheduled',
      urgency: 'routine',
      sentAt: now,
      ackDueAt: now,
      acknowledgedAt: now,
      appointment,
      appointmentAt: new Date(appointment.at),
      consentId,
      createdBy: randomUUID(),
      createdAt: now,
      updatedAt: now,
    });
    await t.deps.db.insert(referralEvents).values({
      networkId,
      referralId: id,
      seq: 1,
      toStatus: 'scheduled',
      side: 'receiver',
      actorMembershipId: ctx.memberOf[receiverOrgId] ?? randomUUID(),
      actorOrgId: receiverOrgId,
      at: now,
      appointment,
    });
    return id;
  }

  return {
    async setup() {
      const t = ctx.app();
      const [own] = await t.deps.db.select().from(organizations).where(eq(organizations.id, ctx.ownOrg()));
      if (!own) throw new Error('no own organization');
      networkId = own.networkId;
      const [partner] = await t.deps.db
        .select({ id: services.id, organizationId: services.organizationId })
        .from(services)
        .where(
          and(
            eq(services.status, 'active'),
            ne(services.organizationId, ctx.ownOrg()),
            ne(services.organizationId, ctx.otherOrg()),
          ),
        )
        .limit(1);
      const [sender] = await t.deps.db
        .select({ id: organizations.id })
        .from(organizations)
        .where(and(eq(organizations.kind, 'hospital'), ne(organizations.id, ctx.ownOrg())))
        .limit(1);
      if (!partner || !sender) throw new Error('the demo lacks a partner service or a second hospital');
      serviceId = partner.id;
      for (const org of [ctx.ownOrg(), ctx.otherOrg()]) {
        patientOf[org] = await insertProbePatient(ctx, networkId, org);
        await insertProbeConsent(ctx, networkId, patientOf[org], partner.organizationId, [
          'demographics',
          'treatment',
        ]);
        transitionOf[org] = await insertTransition(org, patientOf[org]);
        incomingOf[org] = await insertIncoming(sender.id, org);
      }
    },
    probes: {
      'transition.manage': {
        crossOrg: true,
        probe: async (c, org) =>
          (
            await c.request('POST', '/api/v1/transitions', {
              patientId: patientOf[org],
              encounterType: 'ed',
              admittedAt: '2026-11-23T08:00:00Z',
              oudIdentifiedBy: 'clinician',
            })
          ).statusCode,
      },
      'referral.send': {
        crossOrg: true,
        probe: async (c, org) =>
          (await c.request('POST', `/api/v1/transitions/${transitionOf[org]}/referrals`, { serviceId }))
            .statusCode,
      },
      'referral.respond': {
        crossOrg: true,
        probe: async (c, org) => {
          const url = `/api/v1/referrals/${incomingOf[org]}`;
          const current = await c.request('GET', url);
          if (current.statusCode !== 200) return current.statusCode;
          return (
            await c.request(
              'POST',
              `${url}/status`,
              { status: 'scheduled', appointment: { at: '2026-11-27T15:00:00Z' } },
              { 'if-match': String(current.headers.etag) },
            )
          ).statusCode;
        },
      },
      'referral.message': {
        crossOrg: true,
        probe: async (c, org) =>
          (await c.request('POST', `/api/v1/referrals/${incomingOf[org]}/messages`, { body: 'probe' }))
            .statusCode,
      },
    },
  };
}
