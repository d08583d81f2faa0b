/** Choose roles: a labelled group of checkboxes (a fieldset with a legend). */
import { Checkbox, SimpleGrid } from '@mantine/core';
import { ROLES, type Role } from '../vocabulary.ts';
import { useLabels } from './use-labels.ts';

export function RolesCheckboxes({
  label,
  description,
  value,
  onChange,
  error,
  roles = ROLES,
}: {
  label: string;
  description?: string;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string | undefined;
  roles?: readonly Role[];
}) {
  const labels = useLabels();
  return (
    <Checkbox.Group label={label} description={description} value={value} onChange={onChange} error={error}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
        {roles.map((role) => (
          <Checkbox key={role} value={role} label={labels.role(role)} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
