/**
 * Match results as a list of cards (no map): name, organization, kind, distance, capacity with its
 * freshness, next intake opening, and the reasons in plain words — fits in green, things to check in
 * yellow, conflicts in red.
 */
import { Anchor, Box, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MatchItem, Reason } from '../../api/directory.ts';
import { useFormatDateTime } from '../../components/use-format.ts';
import { CapacityBadge } from './capacity-badge.tsx';
import { useDirectoryLabels, type DirectoryLabels } from './directory-labels.ts';

type Tone = 'fit' | 'warning' | 'conflict';

const TONE_COLOR: Record<Tone, string> = { fit: 'green', warning: 'yellow', conflict: 'red' };

function ReasonList({
  tone,
  title,
  reasons,
  item,
  labels,
}: {
  tone: Tone;
  title: string;
  reasons: Reason[];
  item: MatchItem;
  labels: DirectoryLabels;
}) {
  const id = useId();
  if (reasons.length === 0) return null;
  const color = TONE_COLOR[tone];
  return (
    <Box
      bg={`${color}.0`}
      p="xs"
      style={{ borderInlineStart: `4px solid var(--mantine-color-${color}-6)`, borderRadius: 4 }}
      data-testid={`reasons-${tone}`}
    >
      <Text fw={600} size="sm" id={id}>
        {title}
      </Text>
      <List size="sm" spacing={2} aria-labelledby={id}>
        {reasons.map((reason, index) => (
          <List.Item key={`${reason.code}-${index}`} data-code={reason.code}>
            {labels.reason(tone, reason, item)}
          </List.Item>
        ))}
      </List>
    </Box>
  );
}

export function MatchResultCard({ item }: { item: MatchItem }) {
  const { t } = useTranslation();
  const labels = useDirectoryLabels();
  const when = useFormatDateTime();
  const titleId = useId();
  const { service } = item;
  return (
    <Card withBorder component="article" aria-labelledby={titleId} padding="md" data-testid="match-result">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <div>
            <Title order={3} size="h5" id={titleId}>
              <Anchor component={Link} to={`/directory/services/${service.id}`}>
                {service.name}
              </Anchor>
            </Title>
            <Text size="sm">
              {service.organizationName} · {labels.kind(service.kind)}
            </Text>
          </div>
          <CapacityBadge capacity={item.capacity} />
        </Group>
        <Group gap="lg">
          <Text size="sm">
            {item.distanceKm !== undefined
              ? t('directory.result.distance', { distance: labels.distance(item.distanceKm) })
              : t('directory.result.distanceUnknown')}
          </Text>
          {item.nextOpenAt ? (
            <Text size="sm">{t('directory.result.nextOpen', { at: when(item.nextOpenAt) })}</Text>
          ) : null}
        </Group>
        <ReasonList
          tone="conflict"
          title={t('directory.result.conflicts')}
          reasons={item.conflicts}
          item={item}
          labels={labels}
        />
        <ReasonList
          tone="fit"
          title={t('directory.result.fits')}
          reasons={item.fits}
          item={item}
          labels={labels}
        />
        <ReasonList
          tone="warning"
          title={t('directory.result.warnings')}
          reasons={item.warnings}
          item={item}
          labels={labels}
        />
      </Stack>
    </Card>
  );
}

export function MatchResultList({ items, label }: { items: MatchItem[]; label: string }) {
  return (
    <Stack gap="sm" component="ol" aria-label={label} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map((item) => (
        <li key={item.service.id}>
          <MatchResultCard item={item} />
        </li>
      ))}
    </Stack>
  );
}
