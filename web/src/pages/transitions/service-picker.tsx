/**
 * Pick the partner service of a referral: search the network's directory by name, organization or city and
 * filter by kind (the Directory's own search), then choose one of the results; each shows its organization,
 * kind and capacity. "Find a service" in the Directory ranks services for the patient's need.
 */
import { Anchor, Group, NativeSelect, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listServices, SERVICE_KINDS, type Service, type ServiceKind } from '../../api/directory.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { CapacityBadge } from '../directory/capacity-badge.tsx';
import { useDirectoryLabels } from '../directory/directory-labels.ts';

const LIMIT = 8;

export function ServicePicker({
  value,
  onChange,
  error,
}: {
  value: Service | null;
  onChange: (service: Service | null) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const labels = useDirectoryLabels();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<ServiceKind | ''>('');
  const [query] = useDebouncedValue(q.trim(), 300);
  const services = useQuery({
    queryKey: ['directory', 'services', { q: query, kind, limit: LIMIT }],
    queryFn: () => listServices({ q: query, kind, limit: LIMIT }),
    enabled: query.length > 0 || kind !== '',
    placeholderData: keepPreviousData,
  });
  const items = services.data?.items ?? [];
  const shown = value && !items.some((s) => s.id === value.id) ? [value, ...items] : items;

  return (
    <Stack gap="xs">
      <Group align="flex-end" role="search" aria-label={t('transitions.picker.label')}>
        <TextInput
          label={t('transitions.picker.search')}
          description={t('transitions.picker.searchHint')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <NativeSelect
          label={t('transitions.picker.kind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as ServiceKind | '')}
          data={[
            { value: '', label: t('transitions.picker.anyKind') },
            ...SERVICE_KINDS.map((k) => ({ value: k, label: labels.kind(k) })),
          ]}
        />
      </Group>
      <ErrorAlert error={services.error} />
      <Radio.Group
        label={t('transitions.picker.results')}
        value={value?.id ?? ''}
        onChange={(id) => onChange(shown.find((s) => s.id === id) ?? null)}
        error={error}
        data-testid="service-results"
        data-state={services.isFetching ? 'loading' : services.isSuccess ? 'loaded' : 'idle'}
      >
        <Stack gap="xs" mt="xs">
          {shown.map((s) => (
            <Group key={s.id} gap="xs" wrap="nowrap" align="flex-start">
              <Radio value={s.id} label={s.name} description={serviceLine(s, labels.kind(s.kind))} />
              <CapacityBadge capacity={s.capacity} />
            </Group>
          ))}
          {shown.length === 0 ? (
            <Text size="sm">
              {services.isSuccess ? t('transitions.picker.none') : t('transitions.picker.prompt')}
            </Text>
          ) : null}
        </Stack>
      </Radio.Group>
      <Text size="sm">
        <Anchor component={Link} to="/directory" target="_blank" rel="noreferrer">
          {t('transitions.picker.directory')}
        </Anchor>
      </Text>
    </Stack>
  );
}

const serviceLine = (s: Service, kind: string) =>
  [s.organizationName, kind, s.address.city].filter(Boolean).join(' · ');
