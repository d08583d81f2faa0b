/** A partnership's status: exploring, active, paused or ended. */
import { Badge } from '@mantine/core';
import type { PartnershipStatus } from '../../api/partnerships.ts';
import { STATUS_COLORS, usePartnershipLabels } from './partnership-labels.ts';

export function PartnershipStatusBadge({ status }: { status: PartnershipStatus }) {
  const labels = usePartnershipLabels();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" tt="none" data-testid="partnership-status">
      {labels.status(status)}
    </Badge>
  );
}
