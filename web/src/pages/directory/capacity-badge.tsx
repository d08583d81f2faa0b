/** A service's capacity as navigators see it: the status and its age, or "Unknown" with why. */
import { Badge } from '@mantine/core';
import type { CapacityView } from '../../api/directory.ts';
import { CAPACITY_COLORS, useDirectoryLabels } from './directory-labels.ts';

export function CapacityBadge({
  capacity,
}: {
  capacity: Pick<CapacityView, 'status' | 'freshness' | 'ageDays' | 'expectedWaitDays'>;
}) {
  const labels = useDirectoryLabels();
  return (
    <Badge
      color={CAPACITY_COLORS[capacity.status]}
      variant="light"
      tt="none"
      data-testid="capacity-badge"
      data-status={capacity.status}
      styles={{ root: { height: 'auto', whiteSpace: 'normal' } }}
    >
      {labels.capacity(capacity)}
    </Badge>
  );
}
