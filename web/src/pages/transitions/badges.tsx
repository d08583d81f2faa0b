/**
 * Small badges of the transitions area: the coverage-gap clock (state and hours, flagged when the patient
 * will run out of medication before the first appointment), a referral's status and a transition's status.
 */
import { Badge } from '@mantine/core';
import type { GapClockView, ReferralStatus, TransitionStatus } from '../../api/transitions.ts';
import { GAP_COLORS, REFERRAL_COLORS, useTransitionLabels } from './transition-labels.ts';

/** Badges show their whole words: a table cell grows to fit them rather than cutting them short. */
const FULL = {
  root: { maxWidth: 'none', overflow: 'visible', flexShrink: 0 },
  label: { overflow: 'visible', textOverflow: 'clip' },
} as const;

/** True when the clock warns: a gap, or coverage ending with nothing booked. */
export const gapFlagged = (gap: GapClockView) => gap.state === 'gap' || gap.state === 'at_risk';

export function GapBadge({ gap, size = 'md' }: { gap: GapClockView; size?: 'sm' | 'md' | 'lg' }) {
  const labels = useTransitionLabels();
  const flagged = gapFlagged(gap);
  return (
    <Badge
      color={GAP_COLORS[gap.state]}
      variant={gap.state === 'gap' ? 'filled' : 'light'}
      size={size}
      tt="none"
      data-testid="gap-badge"
      data-state={gap.state}
      data-flagged={flagged ? 'true' : 'false'}
      styles={FULL}
    >
      {labels.gap(gap)}
    </Badge>
  );
}

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const labels = useTransitionLabels();
  return (
    <Badge
      color={REFERRAL_COLORS[status]}
      variant="light"
      tt="none"
      data-testid="referral-status"
      data-status={status}
      styles={FULL}
    >
      {labels.referralStatus(status)}
    </Badge>
  );
}

const TRANSITION_COLORS: Record<TransitionStatus, string> = { open: 'blue', linked: 'teal', closed: 'gray' };

export function TransitionStatusBadge({ status }: { status: TransitionStatus }) {
  const labels = useTransitionLabels();
  return (
    <Badge
      color={TRANSITION_COLORS[status]}
      variant="light"
      size="lg"
      tt="none"
      data-testid="transition-status"
      data-status={status}
      styles={FULL}
    >
      {labels.transitionStatus(status)}
    </Badge>
  );
}
