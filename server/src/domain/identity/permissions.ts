/**
 * The authorization matrix: for each action, which roles may perform it and over what scope.
 * This is the only place that says who may do what; the use-case layer asks `decide` for every
 * action, whether it arrives over REST, the CLI or (later) FHIR, HL7 and jobs.
 *
 * Scopes: `self` (the actor's own user or tokens), `organization` (the actor's active organization),
 * `network` (any organization in the actor's network). A target outside the actor's scope is
 * reported as not found, never as forbidden, so that nobody learns it exists.
 */
import type { Role } from './vocabulary.ts';

export type Scope = 'self' | 'organization' | 'network';

const everyone = (scope: Scope): Record<Role, Scope> => ({
  navigator: scope,
  peer_specialist: scope,
  clinician: scope,
  cbo_intake: scope,
  liaison: scope,
  program_manager: scope,
  org_admin: scope,
  network_convener: scope,
});

/** The roles that work with patients directly. */
const careTeam = (scope: Scope): Partial<Record<Role, Scope>> => ({
  navigator: scope,
  peer_specialist: scope,
  clinician: scope,
  cbo_intake: scope,
  program_manager: scope,
  org_admin: scope,
});

export const MATRIX = {
  /** See the network's organizations and sites (the partner list everybody works from). */
  'organization.read': everyone('network'),
  'organization.create': { network_convener: 'network' },
  'organization.update': { org_admin: 'organization', network_convener: 'network' },
  'site.manage': { org_admin: 'organization', network_convener: 'network' },
  /** See the people of an organization and their roles. */
  'member.read': { org_admin: 'organization', program_manager: 'organization', network_convener: 'network' },
  'member.invite': { org_admin: 'organization', network_convener: 'network' },
  'member.update': { org_admin: 'organization', network_convener: 'network' },
  /** Own API tokens: every role may create, list and revoke its own. */
  'token.manage_own': everyone('self'),
  /** An organization's tokens (all members'): list and revoke, e.g. when someone leaves. */
  'token.manage_org': { org_admin: 'organization' },
  'audit.read': { org_admin: 'organization', network_convener: 'network' },
  'audit.verify': { network_convener: 'network' },
  /** See the directory: services, capacity, matching, HSDS and CSV export (no patient data). */
  'service.read': everyone('network'),
  /** Create and change an organization's services. */
  'service.manage': {
    org_admin: 'organization',
    program_manager: 'organization',
    network_convener: 'network',
  },
  /** Report a service's capacity. The partner owns it: conveners cannot set another's capacity. */
  'service.capacity': {
    cbo_intake: 'organization',
    liaison: 'organization',
    program_manager: 'organization',
    org_admin: 'organization',
  },
  /** Import HSDS or CSV into the network's directory (may create directory-only organizations). */
  'directory.import': { network_convener: 'network' },
  /**
   * See a partnership and its workspace. Organization scope plus a party check in the use case: only
   * members of the two partner organizations see it; everyone else gets "not found".
   */
  'partnership.read': everyone('organization'),
  /** Start a partnership between the active organization and a partner of the other kind. */
  'partnership.create': { org_admin: 'organization', program_manager: 'organization' },
  /** Change a partnership and keep its workspace: agreements, liaisons, ledger, meetings, goals, assessments. */
  'partnership.manage': {
    org_admin: 'organization',
    program_manager: 'organization',
    liaison: 'organization',
  },
  /** The network convener sees partnerships in aggregate only (counts, expiring agreements, scores). */
  'partnership.aggregate': { network_convener: 'network' },
  /**
   * Patient data. Every patient action is organization-scoped for the role check; which patients the
   * organization may see is then decided per patient by consent (`domain/consent/decide.ts`): its own
   * patients, and others' only under an active consent or a §2.51 emergency access.
   */
  'patient.read': everyone('organization'),
  'patient.register': careTeam('organization'),
  /** Record and revoke consents, restrictions (§2.26), print consent forms: the holding organization only. */
  'consent.record': careTeam('organization'),
  'consent.revoke': careTeam('organization'),
  'restriction.manage': {
    navigator: 'organization',
    program_manager: 'organization',
    org_admin: 'organization',
  },
  /** Accounting of disclosures (§2.25) and the intermediary list (§2.24) for a patient the organization holds. */
  'disclosure.report': {
    navigator: 'organization',
    program_manager: 'organization',
    org_admin: 'organization',
  },
  /** §2.51 medical emergency ("break glass"): clinical roles only (P19). */
  'emergency.access': { clinician: 'organization' },
  /** Review the emergency accesses to the organization's patients. */
  'emergency.review': { program_manager: 'organization', org_admin: 'organization' },
  /**
   * Transitions (issue 5): the hospital's care team creates and changes its patients' transitions and sends
   * referrals; the holder-only check and consent are applied per patient by `openPatient`.
   */
  'transition.manage': careTeam('organization'),
  'referral.send': careTeam('organization'),
  /** Answer a referral sent to the organization: accept, decline, book, report attendance. */
  'referral.respond': { ...careTeam('organization'), liaison: 'organization' },
  /** Write in a referral's thread (either side). Reading it needs only `patient.read` and consent. */
  'referral.message': { ...careTeam('organization'), liaison: 'organization' },
  /**
   * Follow-up (issue 6): work the organization's tasks (take, complete, snooze, log contact attempts) —
   * the care team and liaisons; reading them needs only `patient.read` and consent.
   */
  'task.work': { ...careTeam('organization'), liaison: 'organization' },
  /** Create pathways and save new versions of them: the hospital's program managers and administrators. */
  'pathway.manage': { program_manager: 'organization', org_admin: 'organization' },
} as const satisfies Record<string, Partial<Record<Role, Scope>>>;

export type Action = keyof typeof MATRIX;
export const ACTIONS = Object.keys(MATRIX) as Action[];

export interface Subject {
  roles: readonly Role[];
  userId: string;
  organizationId: string;
}

export interface Target {
  /** The organization that owns the object. */
  organizationId?: string;
  /** The user the object belongs to (for `self`-scoped actions). */
  userId?: string;
}

export type Decision = 'allow' | 'forbidden' | 'not_found';

const SCOPE_RANK: Record<Scope, number> = { self: 0, organization: 1, network: 2 };

/** The widest scope any of the subject's roles grants for the action, or undefined. */
export function grantedScope(roles: readonly Role[], action: Action): Scope | undefined {
  const cell = MATRIX[action] as Partial<Record<Role, Scope>>;
  let best: Scope | undefined;
  for (const role of roles) {
    const scope = cell[role];
    if (scope && (!best || SCOPE_RANK[scope] > SCOPE_RANK[best])) best = scope;
  }
  return best;
}

/**
 * Decides an action on a target already known to be in the subject's network. `not_found` when the
 * target lies outside every scope the subject could ever see for this kind of object; `forbidden`
 * when the subject can see it but its roles do not allow the action.
 */
export function decide(subject: Subject, action: Action, target: Target = {}): Decision {
  const scope = grantedScope(subject.roles, action);
  const sameOrg = target.organizationId === undefined || target.organizationId === subject.organizationId;
  const sameUser = target.userId === undefined || target.userId === subject.userId;
  if (!scope) return sameOrg ? 'forbidden' : 'not_found';
  switch (scope) {
    case 'network':
      return 'allow';
    case 'organization':
      return sameOrg ? 'allow' : 'not_found';
    case 'self':
      return sameUser && sameOrg ? 'allow' : 'not_found';
  }
}
