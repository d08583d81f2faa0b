/**
 * One-click capacity for the owning organization's staff: Accepting, Waitlist, Not accepting,
 * Assessment required. Each click reports the status at once; every search that follows sees it.
 */
import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CAPACITY_STATUSES, updateCapacity, type CapacityStatus, type Service } from '../../api/directory.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { useDirectoryLabels } from './directory-labels.ts';

export function CapacityButtons({ service }: { service: Service }) {
  const { t } = useTranslation();
  const labels = useDirectoryLabels();
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: (status: CapacityStatus) => updateCapacity(service.id, { status }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['directory', 'service', service.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['directory'] });
      notifySuccess(
        t('directory.capacity.updated', { status: labels.capacityStatus(updated.capacity.status) }),
      );
    },
  });
  const current = service.capacity.stale ? undefined : service.capacity.reportedStatus;
  return (
    <Stack gap="xs">
      <Text size="sm">{t('directory.capacity.updateHint')}</Text>
      <Group gap="xs" role="group" aria-label={t('directory.capacity.updateTitle')}>
        {CAPACITY_STATUSES.map((status) => (
          <Button
            key={status}
            variant={current === status ? 'filled' : 'outline'}
            aria-pressed={current === status}
            loading={update.isPending && update.variables === status}
            disabled={update.isPending && update.variables !== status}
            onClick={() => update.mutate(status)}
          >
            {labels.capacityStatus(status)}
          </Button>
        ))}
      </Group>
      <ErrorAlert error={update.error} />
    </Stack>
  );
}
