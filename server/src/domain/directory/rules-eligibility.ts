/**
 * Matching rules about *whom* a service serves: age, gender, insurance, language and accessibility.
 *
 * Rules and strictness choices, written down:
 * - A known mismatch is a hard conflict: age outside the range, a gender the service does not serve, no
 *   coverage of the patient's accepted, a required accessibility feature missing.
 * - An unknown on either side is a warning, never a fit: the patient's age or gender not given while the
 *   service restricts on it; the service's insurance not stated; a plan-restricted service when the
 *   patient's plan is not named. An unknown on the patient's side with no restriction is not mentioned.
 * - Insurance: the patient's best coverage counts (accepted, then unconfirmed, then not accepted). An
 *   uninsured patient fits a free or sliding-scale service; full fee only is a warning (accepted, but a
 *   real barrier); a service that states no terms for uninsured people does not accept them.
 * - Language compares the primary subtag (`es-MX` matches `es`). Not offered is a hard conflict unless the
 *   service has `interpreter_available` (then a warning); a service that lists no languages is a warning.
 */
import type { Coverage, MatchNeed } from './need.ts';
import { INSURANCE_LABELS } from './need.ts';
import { conflict, fit, warn, type Findings } from './reasons.ts';
import type { DirectoryService, PlanAcceptance } from './service.ts';
import type { AccessibilityFeature } from './vocabulary.ts';

const ACCESSIBILITY_LABELS: Readonly<Record<AccessibilityFeature, string>> = {
  wheelchair_accessible: 'wheelchair accessible',
  interpreter_available: 'interpreters available',
  sign_language: 'sign language',
  near_public_transit: 'near public transit',
  service_animals_welcome: 'service animals welcome',
};

let languageNames: Intl.DisplayNames | undefined;
const languageNameCache = new Map<string, string>();

/** English name of a language tag, falling back to the tag itself. Memoized: it runs once per service. */
function languageName(tag: string): string {
  let name = languageNameCache.get(tag);
  if (name === undefined) {
    try {
      languageNames ??= new Intl.DisplayNames(['en'], { type: 'language' });
      name = languageNames.of(tag) ?? tag;
    } catch {
      name = tag;
    }
    if (languageNameCache.size >= 1024) languageNameCache.clear();
    languageNameCache.set(tag, name);
  }
  return name;
}

/** `es-MX` → `es`. Without allocating arrays: it runs for every language of every service. */
function primarySubtag(tag: string): string {
  const trimmed = tag.trim();
  let end = trimmed.length;
  for (let i = 0; i < trimmed.length; i++) {
    const char = trimmed.charCodeAt(i);
    if (char === 45 || char === 95) {
      end = i;
      break;
    }
  }
  return trimmed.slice(0, end).toLowerCase();
}

export function checkEligibility(need: MatchNeed, service: DirectoryService, findings: Findings): void {
  checkAge(need, service, findings);
  checkGender(need, service, findings);
  checkInsurance(need, service, findings);
  checkLanguage(need, service, findings);
  const required = need.accessibility ?? [];
  for (let i = 0; i < required.length; i++) {
    const feature = required[i];
    if (feature === undefined || required.indexOf(feature) !== i) continue;
    if (!service.eligibility.accessibility.includes(feature)) {
      conflict(findings, 'accessibility_not_met', `not ${ACCESSIBILITY_LABELS[feature]}`, { feature });
    }
  }
}

function checkAge(need: MatchNeed, service: DirectoryService, findings: Findings): void {
  const { minAge, maxAge } = service.eligibility;
  if (minAge === undefined && maxAge === undefined) return;
  const range = (): string =>
    minAge !== undefined && maxAge !== undefined
      ? `ages ${minAge}–${maxAge}`
      : minAge !== undefined
        ? `ages ${minAge} and over`
        : `ages up to ${maxAge ?? ''}`;
  const params = { minAge: minAge ?? '', maxAge: maxAge ?? '' };
  if (need.age === undefined || !Number.isFinite(need.age)) {
    warn(findings, 'age_unconfirmed', `serves ${range()}; the patient's age was not given`, params);
  } else if ((minAge !== undefined && need.age < minAge) || (maxAge !== undefined && need.age > maxAge)) {
    conflict(findings, 'age_not_eligible', `serves ${range()} only`, { ...params, age: need.age });
  }
}

function checkGender(need: MatchNeed, service: DirectoryService, findings: Findings): void {
  const genders = service.eligibility.genders;
  if (genders === 'any') return;
  const served = genders.join(', ');
  if (need.gender === undefined) {
    warn(findings, 'gender_unconfirmed', `serves ${served} only; the patient's gender was not given`, {
      served,
    });
  } else if (!genders.includes(need.gender)) {
    conflict(findings, 'gender_not_eligible', `serves ${served} only`, { served, gender: need.gender });
  }
}

type CoverageOutcome = 'accepted' | 'low_cost' | 'full_fee' | 'unconfirmed' | 'not_accepted';

const normalizedPlans = new Map<string, string>();

/** Plan names compare case-insensitively with whitespace collapsed. Memoized: plan lists recur. */
function normalizePlan(plan: string): string {
  let normalized = normalizedPlans.get(plan);
  if (normalized === undefined) {
    normalized = plan.trim().replace(/\s+/g, ' ').toLowerCase();
    if (normalizedPlans.size >= 4096) normalizedPlans.clear();
    normalizedPlans.set(plan, normalized);
  }
  return normalized;
}

function planOutcome(acceptance: PlanAcceptance | undefined, plan: string | undefined): CoverageOutcome {
  if (acceptance === undefined) return 'not_accepted';
  if (acceptance === 'all') return 'accepted';
  if (plan === undefined || plan.trim() === '') return 'unconfirmed';
  const wanted = normalizePlan(plan);
  return acceptance.some((name) => normalizePlan(name) === wanted) ? 'accepted' : 'not_accepted';
}

function coverageOutcome(service: DirectoryService, coverage: Coverage): CoverageOutcome {
  const accepted = service.eligibility.insurance ?? {};
  switch (coverage.kind) {
    case 'medicaid':
    case 'medicare':
    case 'commercial':
      return planOutcome(accepted[coverage.kind], coverage.plan);
    case 'uninsured':
      if (accepted.uninsured === undefined) return 'not_accepted';
      return accepted.uninsured === 'full_fee' ? 'full_fee' : 'low_cost';
  }
}

const OUTCOME_RANK: Readonly<Record<CoverageOutcome, number>> = {
  accepted: 0,
  low_cost: 0,
  full_fee: 1,
  unconfirmed: 2,
  not_accepted: 3,
};

function describe(coverage: Coverage): string {
  const label = INSURANCE_LABELS[coverage.kind];
  return coverage.plan && coverage.kind !== 'uninsured' ? `${label} (${coverage.plan})` : label;
}

function checkInsurance(need: MatchNeed, service: DirectoryService, findings: Findings): void {
  const coverages = need.insurance ?? [];
  if (coverages.length === 0) return;
  if (service.eligibility.insurance === undefined) {
    warn(findings, 'insurance_unconfirmed', 'has not stated which insurance it accepts');
    return;
  }
  let best: { coverage: Coverage; outcome: CoverageOutcome } | undefined;
  for (const coverage of coverages) {
    const outcome = coverageOutcome(service, coverage);
    if (!best || OUTCOME_RANK[outcome] < OUTCOME_RANK[best.outcome]) best = { coverage, outcome };
  }
  if (!best) return;
  const params = { insurance: best.coverage.kind, plan: best.coverage.plan ?? '' };
  const label = describe(best.coverage);
  switch (best.outcome) {
    case 'accepted':
      fit(findings, 'insurance_accepted', `accepts ${label}`, params);
      return;
    case 'low_cost': {
      const terms =
        service.eligibility.insurance.uninsured === 'free' ? 'at no cost' : 'on a sliding fee scale';
      fit(findings, 'uninsured_low_cost', `serves people without insurance ${terms}`, params);
      return;
    }
    case 'full_fee':
      warn(findings, 'uninsured_full_fee', 'serves people without insurance only at its full fee', params);
      return;
    case 'unconfirmed':
      warn(
        findings,
        'insurance_plan_unconfirmed',
        `accepts only some ${label} plans; the patient's plan was not given`,
        params,
      );
      return;
    case 'not_accepted':
      conflict(
        findings,
        'insurance_not_accepted',
        `does not accept ${coverages.map(describe).join(' or ')}`,
        params,
      );
      return;
  }
}

function checkLanguage(need: MatchNeed, service: DirectoryService, findings: Findings): void {
  if (need.language === undefined || need.language.trim() === '') return;
  const wanted = primarySubtag(need.language);
  const name = languageName(wanted);
  const params = { language: wanted };
  const offered = service.eligibility.languages;
  if (offered.length === 0) {
    warn(
      findings,
      'language_unconfirmed',
      `has not stated its languages; ask whether it serves people in ${name}`,
      params,
    );
  } else if (offered.some((tag) => primarySubtag(tag) === wanted)) {
    fit(findings, 'language_offered', `serves people in ${name}`, params);
  } else if (service.eligibility.accessibility.includes('interpreter_available')) {
    warn(
      findings,
      'language_via_interpreter',
      `serves people in ${name} only through an interpreter`,
      params,
    );
  } else {
    conflict(
      findings,
      'language_not_offered',
      `does not serve people in ${name} and has no interpreter`,
      params,
    );
  }
}
