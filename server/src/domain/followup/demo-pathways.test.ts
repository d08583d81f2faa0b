/**
 * The demo pathways are valid as shipped and express the programs' timing rules (`programs.md` §2.1):
 * CATCH's call within 7 days of discharge, CA Bridge's 72-hour intake, Relay's peer within the hour and
 * contact up to 90 days.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PATHWAYS } from './demo-pathways.ts';
import type { DemoPathwaySlug } from './demo-pathways.ts';
import { describeIssues, pathwayInputSchema, stepsFor } from './pathway.ts';
import { scheduleSteps } from './schedule.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DISCHARGE = new Date('2026-04-01T14:00:00Z');

const pathway = (slug: DemoPathwaySlug) => {
  const found = DEMO_PATHWAYS.find((p) => p.slug === slug);
  if (!found) throw new Error(`no demo pathway ${slug}`);
  return found;
};

/** Deadline of each step, in hours after its anchor. */
const deadlineHours = (slug: DemoPathwaySlug) =>
  Object.fromEntries(
    scheduleSteps(pathway(slug).steps, {
      transition_created: DISCHARGE,
      discharge: DISCHARGE,
      referral_accepted: DISCHARGE,
      appointment: DISCHARGE,
      first_visit: DISCHARGE,
    }).map((task) => [task.stepKey, (task.deadlineAt.getTime() - DISCHARGE.getTime()) / HOUR]),
  );

describe('DEMO_PATHWAYS', () => {
  it('ships CATCH, CA Bridge and Relay once each', () => {
    expect(DEMO_PATHWAYS.map((p) => p.slug)).toEqual(['catch', 'ca_bridge', 'relay']);
    expect(DEMO_PATHWAYS.map((p) => p.scope)).toEqual(['hospital_default', 'partnership', 'partnership']);
  });

  it.each(DEMO_PATHWAYS.map((p) => [p.slug, p] as const))(
    '%s passes pathway validation unchanged',
    (_, p) => {
      const result = pathwayInputSchema.safeParse({
        name: p.name,
        description: p.description,
        steps: p.steps,
      });
      expect(result.success ? [] : describeIssues(result.error)).toEqual([]);
      expect(result.data).toEqual({ name: p.name, description: p.description, steps: p.steps });
    },
  );

  it('CATCH: a hospital peer calls within 7 days of discharge; the navigator confirms by the appointment', () => {
    const [peerCall] = pathway('catch').steps;
    expect(stepsFor(pathway('catch').steps, 'transition').map((s) => s.key)).toEqual([
      'peer_call_7d',
      'moud_check_7d',
    ]);
    expect(peerCall).toMatchObject({
      side: 'hospital',
      role: 'peer_specialist',
      anchor: 'discharge',
      records: 'contact',
    });
    expect(deadlineHours('catch')).toEqual({
      peer_call_7d: 7 * 24,
      confirm_intake: 0,
      moud_check_7d: 9 * 24,
    });
    const confirm = scheduleSteps(pathway('catch').steps, { appointment: DISCHARGE })[0];
    expect(confirm?.dueAt.getTime()).toBe(DISCHARGE.getTime() - DAY);
  });

  it('CA Bridge: the partner’s intake staff complete intake within 72 hours of acceptance', () => {
    const steps = pathway('ca_bridge').steps;
    expect(steps.every((s) => s.side === 'partner')).toBe(true);
    expect(deadlineHours('ca_bridge')).toEqual({
      intake_72h: 72,
      first_visit_attended: 24,
      retention_30d: 37 * 24,
    });
    expect(steps.map((s) => s.records)).toEqual(['contact', 'attended', 'on_moud']);
    expect(stepsFor(steps, 'referral')).toHaveLength(3);
  });

  it('Relay: a peer within the hour, then contact at 48 h and 7 days, retention at 30 and 90 days', () => {
    const steps = pathway('relay').steps;
    expect(steps.every((s) => s.role === 'peer_specialist')).toBe(true);
    expect(deadlineHours('relay')).toEqual({
      ed_visit_1h: 1,
      peer_contact_48h: 72,
      peer_contact_7d: 9 * 24,
      retention_30d: 33 * 24,
      retention_90d: 97 * 24,
    });
    expect(steps.filter((s) => s.records === 'on_moud').map((s) => s.key)).toEqual([
      'retention_30d',
      'retention_90d',
    ]);
    // Relay's peers are the partner's: every step is one task per referral to Relay.
    expect(stepsFor(steps, 'referral')).toHaveLength(5);
  });
});
