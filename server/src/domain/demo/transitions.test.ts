/**
 * The demo history of transitions: deterministic, every referral history a legal path of the state machine,
 * consent before every referral, derived fields as the server derives them, recent transitions still open,
 * and outcome rates in the ranges the module promises.
 */
import { describe, expect, it } from 'vitest';
import { localDay } from '../../lib/local-day.ts';
import { ackDeadline } from '../transitions/ack-deadline.ts';
import { coverageEnd } from '../transitions/coverage.ts';
import { gapClock } from '../transitions/gap-clock.ts';
import { checkMove, LINKED, TERMINAL, type Requirement } from '../transitions/referral-states.ts';
import type { MoudPlanView } from '../transitions/views.ts';
import { generateDemoNetwork } from './generate-demo-network.ts';
import { generateDemoPartnerships } from './partnerships.ts';
import { generateDemoPatients } from './patients.ts';
import { generateDemoServices } from './services.ts';
import {
  CLOSE_AFTER_DAYS,
  DEMO_HISTORY_MONTHS,
  generateDemoTransitions,
  type DemoReferral,
  type DemoReferralEvent,
  type DemoTransition,
  type DemoTransitionSet,
} from './transitions.ts';

const NOW = new Date('2026-11-23T15:00:00Z');
const DAY_MS = 86_400_000;
const MONTH_MS = Math.round((365.25 / 12) * DAY_MS);
const TZ = 'America/New_York';

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
};
const planOf = (view: MoudPlanView) => ({
  ...view,
  firstDoseAt: view.firstDoseAt ? new Date(view.firstDoseAt) : null,
  lastDoseAt: view.lastDoseAt ? new Date(view.lastDoseAt) : null,
});

/** Lookups over one generated set. */
function index(set: DemoTransitionSet) {
  const eventsOf = new Map<string, DemoReferralEvent[]>();
  for (const e of set.events) eventsOf.set(e.referralId, [...(eventsOf.get(e.referralId) ?? []), e]);
  const referralsOf = new Map<string, DemoReferral[]>();
  for (const r of set.referrals)
    referralsOf.set(r.transitionId, [...(referralsOf.get(r.transitionId) ?? []), r]);
  const patient = new Map(set.patients.map((p) => [p.id, p]));
  const history = (r: DemoReferral) => eventsOf.get(r.id) ?? [];
  const reached = (r: DemoReferral, ...statuses: string[]) =>
    history(r).some((e) => statuses.includes(e.toStatus));
  /** A MOUD referral (not a support service) of the transition had its first visit attended. */
  const moudLinked = (t: DemoTransition) =>
    (referralsOf.get(t.id) ?? []).some((r) => r.role !== 'support' && reached(r, 'attended'));
  return { eventsOf, referralsOf, patient, history, reached, moudLinked };
}

describe.each([1, 2])('generateDemoTransitions, seed %i', (seed) => {
  const demo = generateDemoNetwork(seed);
  const set = generateDemoTransitions(demo, NOW);
  const { referralsOf, patient, history, reached, moudLinked } = index(set);
  const orgs = new Map(demo.organizations.map((o) => [o.id, o]));
  const memberships = new Map(demo.memberships.map((m) => [m.id, m]));
  const services = new Map(generateDemoServices(demo, NOW).map((s) => [s.id, s]));
  const hospitals = demo.organizations.filter((o) => o.kind === 'hospital');
  const nowMs = NOW.getTime();
  const startMs = nowMs - DEMO_HISTORY_MONTHS * MONTH_MS;
  /** Referrals old enough for their story to have played out. */
  const settled = set.referrals.filter((r) => r.createdAt.getTime() < nowMs - 45 * DAY_MS);
  const settledTransitions = set.transitions.filter((t) => t.admittedAt.getTime() < nowMs - 60 * DAY_MS);

  if (seed === 1) {
    it('is deterministic for a network and now', { timeout: 60_000 }, () => {
      expect(generateDemoTransitions(demo, NOW)).toEqual(set);
    });
  }

  it('covers 18 months: 6–14 transitions a month per hospital, more ED than inpatient, each for a new patient', () => {
    expect(set.transitions.length).toBeGreaterThan(hospitals.length * DEMO_HISTORY_MONTHS * 6);
    for (const h of hospitals) {
      const own = set.transitions.filter((t) => t.hospitalOrgId === h.id);
      const perMonth = Array.from({ length: DEMO_HISTORY_MONTHS }, () => 0);
      for (const t of own) {
        const month = Math.floor((t.admittedAt.getTime() - startMs) / MONTH_MS);
        perMonth[month] = (perMonth[month] ?? 0) + 1;
      }
      // The last month loses what is admitted in the last hours (not yet entered).
      for (const n of perMonth.slice(0, -1)) expect(n).toBeGreaterThanOrEqual(6);
      for (const n of perMonth) expect(n).toBeLessThanOrEqual(14);
      const ed = own.filter((t) => t.encounterType === 'ed').length;
      expect(ed).toBeGreaterThan(own.filter((t) => t.encounterType === 'inpatient').length);
    }
    for (const t of set.transitions) {
      expect(t.admittedAt.getTime()).toBeGreaterThanOrEqual(startMs);
      expect(t.createdAt.getTime()).toBeLessThanOrEqual(nowMs);
      expect(patient.get(t.patientId)?.holderOrgId).toBe(t.hospitalOrgId);
    }
    // Mostly new patients, some readmissions.
    expect(share(set.patients.length, set.transitions.length)).toBeGreaterThan(0.8);
    expect(set.patients.length).toBeLessThan(set.transitions.length);
  });

  it('leaves the hand-made patients alone and gives every patient a unique MRN', () => {
    const partners = new Map<string, string[]>();
    for (const p of generateDemoPartnerships(demo, NOW).partnerships)
      partners.set(p.hospitalOrgId, [...(partners.get(p.hospitalOrgId) ?? []), p.cboOrgId]);
    const handMade = generateDemoPatients(demo, partners, NOW).patients;
    const handMadeIds = new Set(handMade.map((p) => p.id));
    expect(set.transitions.some((t) => handMadeIds.has(t.patientId))).toBe(false);
    expect(new Set(set.patients.map((p) => p.id)).size).toBe(set.patients.length);
    const mrns = [...handMade, ...set.patients].map((p) => `${p.holderOrgId}|${p.mrn}`);
    expect(new Set(mrns).size).toBe(mrns.length);
  });

  it('writes every referral history as legal moves, in time order, cut at now', () => {
    for (const r of set.referrals) {
      const events = history(r);
      expect(events.length).toBeGreaterThan(0);
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      const [first] = events;
      // Created and sent at once: the draft → sent move, recorded from nothing.
      expect(first).toMatchObject({ fromStatus: null, toStatus: 'sent', side: 'sender' });
      expect(checkMove('draft', 'sent', 'sender', new Set()).ok).toBe(true);
      for (const [i, e] of events.entries()) {
        const previous = events[i - 1];
        if (previous) {
          expect(e.fromStatus).toBe(previous.toStatus);
          expect(e.at.getTime()).toBeGreaterThan(previous.at.getTime());
          const provided = new Set<Requirement>();
          if (e.reason)
            provided.add(
              e.toStatus === 'declined'
                ? 'decline_reason'
                : e.toStatus === 'cancelled'
                  ? 'cancel_reason'
                  : 'failure_reason',
            );
          if (e.appointment) provided.add('appointment');
          if (e.note) provided.add('note');
          const check = checkMove(previous.toStatus, e.toStatus, e.side, provided);
          expect(check, `${r.id} #${e.seq} ${previous.toStatus} → ${e.toStatus}`).toMatchObject({ ok: true });
        }
        expect(e.at.getTime()).toBeLessThanOrEqual(nowMs);
        expect(e.actorOrgId).toBe(e.side === 'sender' ? r.senderOrgId : r.receiverOrgId);
        expect(memberships.get(e.actorMembershipId)?.organizationId).toBe(e.actorOrgId);
      }
      const last = events[events.length - 1] as DemoReferralEvent;
      expect(r.status).toBe(last.toStatus);
      expect(r.version).toBe(events.length);
      expect(r.updatedAt).toEqual(last.at);
      expect(r.acknowledgedAt).toEqual(events.find((e) => e.side === 'receiver')?.at ?? null);
      const booked = events.filter((e) => e.appointment).pop();
      expect(r.appointment).toEqual(booked?.appointment ?? null);
      expect(r.appointmentAt?.toISOString() ?? null).toBe(booked?.appointment?.at ?? null);
      expect(r.lastReason).toEqual(events.filter((e) => e.reason).pop()?.reason ?? null);
      if (booked?.appointment) expect(Date.parse(booked.appointment.at)).toBeGreaterThan(booked.at.getTime());
    }
  });

  it('sends each referral to a CBO service under a consent naming it, recorded before', () => {
    const consents = new Map(set.consents.map((c) => [c.id, c]));
    for (const r of set.referrals) {
      const service = services.get(r.serviceId);
      expect(service?.organizationId).toBe(r.receiverOrgId);
      expect(orgs.get(r.receiverOrgId)?.kind).toBe('cbo');
      const consent = consents.get(r.consentId);
      expect(consent?.patientId).toBe(r.patientId);
      expect(consent?.holderOrgId).toBe(r.senderOrgId);
      expect(consent?.recipients.map((x) => x.organizationId)).toContain(r.receiverOrgId);
      expect(consent?.recordedAt.getTime()).toBeLessThan(r.createdAt.getTime());
      expect(r.packetVersion).toBe(1);
    }
    for (const c of set.consents) {
      expect(c.signedOn).toBe(localDay(c.recordedAt, TZ));
      const sentTo = new Set(set.referrals.filter((r) => r.consentId === c.id).map((r) => r.receiverOrgId));
      expect(new Set(c.recipients.map((x) => x.organizationId))).toEqual(sentTo);
    }
  });

  it('derives status, first appointment, coverage end and the packet as the server does', () => {
    const packets = new Map(set.packets.map((p) => [p.transitionId, p]));
    for (const t of set.transitions) {
      const refs = referralsOf.get(t.id) ?? [];
      const linked = refs.some((r) => reached(r, 'attended'));
      expect(t.status === 'linked').toBe(linked);
      expect(linked).toBe(refs.some((r) => (LINKED as readonly string[]).includes(r.status)));
      if (t.status === 'closed') {
        expect(refs.every((r) => (TERMINAL as readonly string[]).includes(r.status))).toBe(true);
        expect((t.dischargedAt ?? t.admittedAt).getTime()).toBeLessThan(nowMs - CLOSE_AFTER_DAYS * DAY_MS);
      }
      const booked = refs.filter((r) => r.status === 'scheduled').map((r) => r.appointmentAt?.getTime() ?? 0);
      expect(t.firstAppointmentAt).toEqual(booked.length > 0 ? new Date(Math.min(...booked)) : null);
      expect(t.coverageEnd).toEqual(
        coverageEnd({
          plan: planOf(t.moudPlan),
          dischargedAt: t.dischargedAt,
          expectedDischargeAt: t.expectedDischargeAt,
          timeZone: TZ,
        }),
      );
      const packet = packets.get(t.id);
      expect(t.packetVersion).toBe(1);
      expect(packet?.version).toBe(1);
      expect(packet?.content).toMatchObject({
        hospital: { id: t.hospitalOrgId },
        encounterType: t.encounterType,
        dischargedAt: t.dischargedAt?.toISOString() ?? null,
        moudPlan: t.moudPlan,
        coverageEnd: t.coverageEnd?.toISOString() ?? null,
      });
      expect(packet?.content.senderContacts[0]?.role).toBe('navigator');
    }
    expect(set.packets).toHaveLength(set.transitions.length);
  });

  it('computes acknowledgement deadlines with ackDeadline', () => {
    for (const r of set.referrals.filter((_, i) => i % 25 === 0)) {
      const service = services.get(r.serviceId);
      expect(r.ackDueAt).toEqual(
        ackDeadline({
          sentAt: r.sentAt,
          urgency: r.urgency,
          promise: service?.acknowledgement,
          timeZone: service?.timezone ?? TZ,
          holidays: service?.holidays ?? [],
        }),
      );
    }
  });

  it('plans MOUD as hospitals do: mostly buprenorphine bridges, methadone under the 72-hour rule to OTPs', () => {
    const plans = set.transitions.map((t) => t.moudPlan);
    const bup = plans.filter((p) => p.medication === 'buprenorphine' && p.bridge.kind === 'prescription');
    expect(share(bup.length, plans.length)).toBeGreaterThan(0.65);
    for (const p of bup) {
      expect(p.bridge.days).toBeGreaterThanOrEqual(3);
      expect(p.bridge.days).toBeLessThanOrEqual(14);
      const mg = Number.parseInt(p.dose, 10);
      expect(mg).toBeGreaterThanOrEqual(8);
      expect(mg).toBeLessThanOrEqual(24);
    }
    const methadone = set.transitions.filter((t) => t.moudPlan.medication === 'methadone');
    expect(share(methadone.length, plans.length)).toBeGreaterThan(0.08);
    for (const t of methadone) {
      expect(t.moudPlan.bridge.kind).toBe('methadone_72h');
      expect(t.moudPlan.bridge.doses).toBeGreaterThanOrEqual(1);
      expect(t.moudPlan.bridge.doses).toBeLessThanOrEqual(3);
      for (const r of (referralsOf.get(t.id) ?? []).filter((x) => x.role !== 'support'))
        expect(services.get(r.serviceId)?.kind).toBe('otp');
    }
    const injections = plans.filter((p) => p.bridge.kind === 'injection');
    expect(injections.length).toBeGreaterThan(0);
    expect(share(injections.length, plans.length)).toBeLessThan(0.1);
    expect(share(plans.filter((p) => p.naloxoneGiven).length, plans.length)).toBeGreaterThanOrEqual(0.8);
    expect(share(plans.filter((p) => p.naloxoneGiven).length, plans.length)).toBeLessThanOrEqual(0.9);
  });

  it('has outcome rates in the intended ranges', () => {
    const answered = settled.filter((r) => reached(r, 'accepted', 'scheduled', 'declined'));
    const accepted = answered.filter((r) => reached(r, 'accepted', 'scheduled'));
    expect(share(accepted.length, answered.length)).toBeGreaterThanOrEqual(0.75);
    expect(share(accepted.length, answered.length)).toBeLessThanOrEqual(0.92);

    const withVisit = settled.filter((r) => reached(r, 'scheduled'));
    const firstOutcome = withVisit.map((r) =>
      history(r).find((e) => e.toStatus === 'attended' || e.toStatus === 'no_show'),
    );
    const noShows = firstOutcome.filter((e) => e?.toStatus === 'no_show').length;
    expect(share(noShows, withVisit.length)).toBeGreaterThanOrEqual(0.18);
    expect(share(noShows, withVisit.length)).toBeLessThanOrEqual(0.32);
    const rebooked = settled.filter((r) =>
      history(r).some((e) => e.fromStatus === 'no_show' && e.toStatus === 'scheduled'),
    );
    expect(share(rebooked.length, noShows)).toBeGreaterThan(0.25);
    expect(share(rebooked.length, noShows)).toBeLessThan(0.75);

    const daysToVisit = set.transitions.flatMap((t) => {
      if (t.status !== 'linked' || !t.dischargedAt) return [];
      const visits = (referralsOf.get(t.id) ?? []).flatMap((r) =>
        history(r)
          .filter((e) => e.toStatus === 'attended')
          .map((e) => e.at.getTime()),
      );
      return [(Math.min(...visits) - t.dischargedAt.getTime()) / DAY_MS];
    });
    expect(median(daysToVisit)).toBeGreaterThanOrEqual(3);
    expect(median(daysToVisit)).toBeLessThanOrEqual(6);

    const linkage = (ts: DemoTransition[]) => share(ts.filter(moudLinked).length, ts.length);
    const byMedication = (m: string) => settledTransitions.filter((t) => t.moudPlan.medication === m);
    expect(linkage(settledTransitions)).toBeGreaterThan(0.5);
    expect(linkage(settledTransitions)).toBeLessThan(0.8);
    expect(linkage(byMedication('methadone'))).toBeLessThan(linkage(byMedication('buprenorphine')) - 0.05);
    const unhoused = settledTransitions.filter((t) => patient.get(t.patientId)?.unhoused);
    const housed = settledTransitions.filter((t) => !patient.get(t.patientId)?.unhoused);
    expect(linkage(unhoused)).toBeLessThan(linkage(housed) - 0.05);
    const ama = settledTransitions.filter((t) => t.disposition === 'ama');
    expect(linkage(ama)).toBeLessThan(linkage(settledTransitions.filter((t) => t.disposition !== 'ama')));

    const declines = set.events.filter((e) => e.toStatus === 'declined');
    expect(new Set(declines.map((e) => e.reason?.code)).size).toBeGreaterThanOrEqual(5);
    const cancelled = settled.filter((r) => r.status === 'cancelled');
    expect(share(cancelled.length, settled.length)).toBeGreaterThan(0.01);
    expect(share(cancelled.length, settled.length)).toBeLessThan(0.1);
  });

  it('varies outcomes by partner: one declines often for lack of capacity, some answer fast', () => {
    const receivers = new Map<string, DemoReferral[]>();
    for (const r of set.referrals)
      receivers.set(r.receiverOrgId, [...(receivers.get(r.receiverOrgId) ?? []), r]);
    const busy = [...receivers.values()].filter((rs) => rs.length >= 40);
    const declineShare = (rs: DemoReferral[]) =>
      share(rs.filter((r) => reached(r, 'declined')).length, rs.length);
    const noCapacityShare = (rs: DemoReferral[]) => {
      const codes = rs.flatMap((r) =>
        history(r)
          .filter((e) => e.toStatus === 'declined')
          .map((e) => e.reason?.code),
      );
      return share(codes.filter((c) => c === 'no_capacity').length, codes.length);
    };
    expect(busy.some((rs) => declineShare(rs) > 0.25 && noCapacityShare(rs) > 0.6)).toBe(true);
    const answerHours = (rs: DemoReferral[]) =>
      median(
        rs
          .filter((r) => r.acknowledgedAt)
          .map((r) => ((r.acknowledgedAt as Date).getTime() - r.createdAt.getTime()) / 3_600_000),
      );
    const speeds = busy.map(answerHours);
    expect(Math.min(...speeds)).toBeLessThan(10);
    expect(Math.max(...speeds)).toBeGreaterThan(24);
    // The well-known OBOT is a responsive partner.
    const firstObot = demo.logins.find((l) => l.email === 'intake@demo.handoff.test')?.organizationId ?? '';
    expect(set.profiles[firstObot]).toBe('fast');
  });

  it('prefers the hospital’s active partners: they get more of its referrals than of the others’', () => {
    const partnerships = generateDemoPartnerships(demo, NOW).partnerships;
    const kindOf = (r: DemoReferral) => services.get(r.serviceId)?.kind;
    // Over every active partnership and kind the partner offers: how much of the partner hospital's
    // referrals of that kind it gets, against how much of the other hospitals' (those with no partnership).
    const fromPartner = { to: 0, all: 0 };
    const fromOthers = { to: 0, all: 0 };
    for (const p of partnerships.filter((x) => x.status === 'active')) {
      const since = Date.parse(p.startedOn);
      const linkedHospitals = new Set(
        partnerships.filter((x) => x.cboOrgId === p.cboOrgId).map((x) => x.hospitalOrgId),
      );
      const kinds = new Set(
        [...services.values()].filter((s) => s.organizationId === p.cboOrgId).map((s) => s.kind),
      );
      for (const r of set.referrals) {
        if (!kinds.has(kindOf(r) ?? 'otp') || r.createdAt.getTime() <= since) continue;
        const tally =
          r.senderOrgId === p.hospitalOrgId
            ? fromPartner
            : linkedHospitals.has(r.senderOrgId)
              ? undefined
              : fromOthers;
        if (!tally) continue;
        tally.all++;
        if (r.receiverOrgId === p.cboOrgId) tally.to++;
      }
    }
    expect(fromPartner.all).toBeGreaterThan(50);
    expect(share(fromPartner.to, fromPartner.all)).toBeGreaterThan(
      share(fromOthers.to, fromOthers.all) + 0.2,
    );
  });

  it('keeps recent transitions open, some at risk of a gap, and settles old ones', () => {
    const recent = set.transitions.filter((t) => t.admittedAt.getTime() > nowMs - 14 * DAY_MS);
    expect(recent.length).toBeGreaterThan(hospitals.length * 2);
    expect(recent.some((t) => t.status === 'closed')).toBe(false);
    expect(share(recent.filter((t) => t.status === 'open').length, recent.length)).toBeGreaterThan(0.4);
    const open = set.transitions.filter((t) => t.status === 'open');
    const openStatuses = new Set(open.flatMap((t) => (referralsOf.get(t.id) ?? []).map((r) => r.status)));
    for (const s of ['sent', 'accepted', 'scheduled']) expect(openStatuses).toContain(s);
    const states = open.map(
      (t) =>
        gapClock({
          coverageEnd: t.coverageEnd,
          firstAppointmentAt: t.firstAppointmentAt,
          linked: false,
          now: NOW,
        }).state,
    );
    expect(states).toContain('at_risk');
    expect(states).toContain('covered');
    for (const t of settledTransitions) expect(['linked', 'closed']).toContain(t.status);
  });

  it('records the partners’ treating relationships and their reads in the ledger', () => {
    const relationships = new Map(
      set.treatingRelationships.map((x) => [`${x.patientId}|${x.organizationId}`, x]),
    );
    expect(relationships.size).toBe(set.treatingRelationships.length);
    for (const r of set.referrals) {
      const acceptance = history(r).find((e) => e.toStatus === 'accepted' || e.toStatus === 'scheduled');
      const relationship = relationships.get(`${r.patientId}|${r.receiverOrgId}`);
      if (acceptance) expect(relationship?.startedAt.getTime()).toBeLessThanOrEqual(acceptance.at.getTime());
      const firstAnswer = history(r).find((e) => e.side === 'receiver');
      const read = set.disclosures.find(
        (d) => d.consentId === r.consentId && d.recipientOrgId === r.receiverOrgId,
      );
      if (firstAnswer) {
        expect(read?.at.getTime()).toBeGreaterThan(r.createdAt.getTime());
        expect(read?.at.getTime()).toBeLessThanOrEqual(firstAnswer.at.getTime());
      }
    }
    for (const x of set.treatingRelationships) expect(x.basis).toBe('referral_accepted');
  });
});
