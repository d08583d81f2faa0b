/**
 * The words of the follow-up engine (`product.md` step 7, `programs.md` §5 item 8): what a pathway step is
 * timed from (its anchor), which side of a partnership owns it and which roles may, what completing it
 * records, task statuses, and how a contact attempt went. Stored as these codes; the UI translates them.
 *
 * Anchors, the moments a step's due time counts from:
 * - `transition_created`: the transition was recorded (the patient was identified in hospital);
 * - `discharge`: the patient left the hospital;
 * - `referral_accepted`: the partner accepted the referral;
 * - `appointment`: the referral's booked first appointment (moves when it is rebooked);
 * - `first_visit`: the first visit was reported attended.
 * The first two belong to the transition, the last three to one referral (`REFERRAL_ANCHORS`); a partner-side
 * step is a referral's whatever its anchor (`taskScope` in `pathway.ts`).
 */
import type { Role } from '../identity/vocabulary.ts';

export const ANCHORS = [
  'transition_created',
  'discharge',
  'referral_accepted',
  'appointment',
  'first_visit',
] as const;
export type Anchor = (typeof ANCHORS)[number];

/** Anchors of a referral: a step timed from one of these gets one task per referral. */
export const REFERRAL_ANCHORS: readonly Anchor[] = ['referral_accepted', 'appointment', 'first_visit'];
/** Anchors of the transition: a step timed from one of these gets one task per transition. */
export const TRANSITION_ANCHORS: readonly Anchor[] = ['transition_created', 'discharge'];

/** What a step's tasks hang from: the transition or each of its referrals. */
export const STEP_SCOPES = ['transition', 'referral'] as const;
export type StepScope = (typeof STEP_SCOPES)[number];

/** The scope of an anchor alone (a step's scope also depends on its side: `taskScope`). */
export const scopeOfAnchor = (anchor: Anchor): StepScope =>
  REFERRAL_ANCHORS.includes(anchor) ? 'referral' : 'transition';

/** Which side of a partnership owns a step (named apart from the referral state machine's `Side`). */
export const SIDES = ['hospital', 'partner'] as const;
export type PathwaySide = (typeof SIDES)[number];

/**
 * Roles that may own a step of each side. Peer specialists and program managers work on both sides (a
 * hospital peer, a CBO peer; a manager on either side covers for their staff).
 */
export const SIDE_ROLES: Readonly<Record<PathwaySide, readonly Role[]>> = {
  hospital: ['navigator', 'peer_specialist', 'clinician', 'program_manager'],
  partner: ['cbo_intake', 'liaison', 'peer_specialist', 'program_manager'],
};

/**
 * What completing a step records: `contact` the outcome of reaching the patient, `attended` whether the
 * visit happened, `on_moud` whether the patient is still on medication (a retention check).
 */
export const RECORDS = ['contact', 'attended', 'on_moud'] as const;
export type StepRecord = (typeof RECORDS)[number];

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const CONTACT_METHODS = ['phone', 'text', 'in_person'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

export const CONTACT_RESULTS = ['reached', 'no_answer', 'left_message', 'wrong_number'] as const;
export type ContactResult = (typeof CONTACT_RESULTS)[number];

/** Who owns a pathway: a hospital (its default for every transition) or a partnership (for its referrals). */
export const PATHWAY_OWNERS = ['hospital', 'partnership'] as const;
export type PathwayOwner = (typeof PATHWAY_OWNERS)[number];

/** A retired pathway keeps its existing tasks but starts no new ones. */
export const PATHWAY_STATUSES = ['active', 'retired'] as const;
export type PathwayStatus = (typeof PATHWAY_STATUSES)[number];
