/** A row of badges naming roles in the active language. */
import { Badge, Group } from '@mantine/core';
import { useLabels } from './use-labels.ts';

export function RoleBadges({ roles }: { roles: readonly string[] }) {
  const labels = useLabels();
  return (
    <Group gap={4} component="span">
      {roles.map((role) => (
        <Badge key={role} variant="light" color="indigo" tt="none">
          {labels.role(role)}
        </Badge>
      ))}
    </Group>
  );
}
