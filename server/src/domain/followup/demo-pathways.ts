/**
 * The follow-up pathways the demo network ships, each modeled on a real program's timing rules
 * (`programs.md` §2 and §2.1). They are examples to copy and change, not clinical guidance:
 * - `catch`: a hospital's default, after NYC Health + Hospitals' CATCH ("follow-up call within 7 days of
 *   discharge");
 * - `ca_bridge`: a hospital–community partnership, after CA Bridge ("at least one community provider must
 *   accept referrals within 72 h" of ED buprenorphine) with attendance and 30-day retention reported back;
 * - `relay`: a peer program's partnership, after NYC DOHMH Relay ("a peer arrives within the hour; contact
 *   maintained up to 90 days").
 * Retention checks ask "still on MOUD?" at day 30 and 90, the days `measures.md` S4 reports.
 */
import type { PathwayStep } from './pathway.ts';

export type DemoPathwaySlug = 'catch' | 'ca_bridge' | 'relay';

export interface DemoPathway {
  slug: DemoPathwaySlug;
  name: string;
  description: string;
  /** `hospital_default`: every transition of the hospital; `partnership`: referrals to that partner. */
  scope: 'hospital_default' | 'partnership';
  steps: PathwayStep[];
}

const HOUR = 60;
const DAY = 24 * HOUR;

export const DEMO_PATHWAYS: readonly DemoPathway[] = [
  {
    slug: 'catch',
    name: 'CATCH-style hospital follow-up',
    description:
      'After CATCH (NYC Health + Hospitals): a peer calls every patient within 7 days of discharge, the ' +
      'navigator confirms the intake the day before the appointment, and a 7-day check asks whether the ' +
      'patient is still on medication.',
    scope: 'hospital_default',
    steps: [
      {
        // CATCH: "Follow-up call within 7 days of discharge" (programs.md §2.1).
        key: 'peer_call_7d',
        title: 'Peer call within 7 days of discharge',
        side: 'hospital',
        role: 'peer_specialist',
        anchor: 'discharge',
        offsetMinutes: 0,
        deadlineMinutes: 7 * DAY,
        records: 'contact',
      },
      {
        // The day before the appointment, done by the appointment itself: a reminder that can still help.
        key: 'confirm_intake',
        title: 'Confirm the intake appointment with the patient the day before',
        side: 'hospital',
        role: 'navigator',
        anchor: 'appointment',
        offsetMinutes: -DAY,
        deadlineMinutes: DAY,
        records: 'contact',
      },
      {
        // CATCH measured continuation of MOUD after discharge (programs.md §2, "CATCH outcome").
        key: 'moud_check_7d',
        title: '7-day check: is the patient still on medication?',
        side: 'hospital',
        role: 'navigator',
        anchor: 'discharge',
        offsetMinutes: 7 * DAY,
        deadlineMinutes: 2 * DAY,
        records: 'on_moud',
      },
    ],
  },
  {
    slug: 'ca_bridge',
    name: 'CA Bridge-style partner intake',
    description:
      'After CA Bridge: the community partner reaches the patient and completes intake within 72 hours of ' +
      'accepting the referral, reports whether the first visit was attended, and checks retention at 30 days.',
    scope: 'partnership',
    steps: [
      {
        // CA Bridge: a community provider accepts referrals within 72 h of ED buprenorphine (programs.md §2.1).
        key: 'intake_72h',
        title: 'Reach the patient and complete intake within 72 hours',
        side: 'partner',
        role: 'cbo_intake',
        anchor: 'referral_accepted',
        offsetMinutes: 0,
        deadlineMinutes: 72 * HOUR,
        records: 'contact',
      },
      {
        key: 'first_visit_attended',
        title: 'Record whether the first visit was attended',
        side: 'partner',
        role: 'cbo_intake',
        anchor: 'appointment',
        offsetMinutes: 0,
        deadlineMinutes: DAY,
        records: 'attended',
      },
      {
        // measures.md S4: retained = on MOUD at day 30 after the first post-discharge MOUD.
        key: 'retention_30d',
        title: '30-day check: is the patient still on medication?',
        side: 'partner',
        role: 'cbo_intake',
        anchor: 'first_visit',
        offsetMinutes: 30 * DAY,
        deadlineMinutes: 7 * DAY,
        records: 'on_moud',
      },
    ],
  },
  {
    slug: 'relay',
    name: 'Relay-style 90-day peer follow-up',
    description:
      'After Relay (NYC DOHMH): a peer meets the patient in the emergency department within the hour, then ' +
      'keeps in contact for 90 days: 48 hours and 7 days after discharge, with retention checks at 30 and 90 days.',
    scope: 'partnership',
    steps: [
      {
        // Relay: the peer "arrives within the hour" of the hospital's call (programs.md §2.1).
        key: 'ed_visit_1h',
        title: 'Meet the patient in the emergency department within the hour',
        side: 'partner',
        role: 'peer_specialist',
        anchor: 'referral_accepted',
        offsetMinutes: 0,
        deadlineMinutes: HOUR,
        records: 'contact',
      },
      {
        key: 'peer_contact_48h',
        title: 'Peer contact 48 hours after discharge',
        side: 'partner',
        role: 'peer_specialist',
        anchor: 'discharge',
        offsetMinutes: 48 * HOUR,
        deadlineMinutes: DAY,
        records: 'contact',
      },
      {
        key: 'peer_contact_7d',
        title: 'Peer contact 7 days after discharge',
        side: 'partner',
        role: 'peer_specialist',
        anchor: 'discharge',
        offsetMinutes: 7 * DAY,
        deadlineMinutes: 2 * DAY,
        records: 'contact',
      },
      {
        key: 'retention_30d',
        title: '30-day check: is the patient still on medication?',
        side: 'partner',
        role: 'peer_specialist',
        anchor: 'discharge',
        offsetMinutes: 30 * DAY,
        deadlineMinutes: 3 * DAY,
        records: 'on_moud',
      },
      {
        // Relay: "contact maintained up to 90 days" (programs.md §2.1).
        key: 'retention_90d',
        title: '90-day check: is the patient still on medication?',
        side: 'partner',
        role: 'peer_specialist',
        anchor: 'discharge',
        offsetMinutes: 90 * DAY,
        deadlineMinutes: 7 * DAY,
        records: 'on_moud',
      },
    ],
  },
];
