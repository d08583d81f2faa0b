/** How the active organization sees a patient: its own record, shared by consent, or emergency access. */
import { Badge } from '@mantine/core';
import type { AccessBasis } from '../../api/patients.ts';
import { usePatientLabels } from './patient-labels.ts';

const COLORS: Record<AccessBasis, string> = { holder: 'teal', consent: 'indigo', emergency: 'red' };

export function AccessBadge({ access }: { access: AccessBasis }) {
  const labels = usePatientLabels();
  return (
    <Badge color={COLORS[access]} variant="light" tt="none" data-testid="patient-access" data-access={access}>
      {labels.access(access)}
    </Badge>
  );
}
