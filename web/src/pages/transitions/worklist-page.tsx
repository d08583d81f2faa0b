/**
 * The hospital's transition worklist (`/transitions`): the organization's (or my) open transitions with the
 * coverage-gap clock on each row ("gap: 58 h (2 days)"), coverage end, the next acknowledgement deadline
 * (flagged when overdue) and each referral's status. Filters and sort live in the address.
 */
import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  GAP_FILTERS,
  TRANSITION_SORTS,
  TRANSITION_STATUSES,
  useTransitionWorklist,
  type TransitionRow,
  type TransitionWorklistQuery,
} from '../../api/transitions.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ListTable } from '../../components/list-table.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { GapBadge, ReferralStatusBadge, TransitionStatusBadge } from './badges.tsx';
import { useTransitionAccess, useTransitionLabels } from './transition-labels.ts';

const PAGE_SIZE = 25;

const pick = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  list.includes(value as T) ? (value as T) : undefined;

export function WorklistPage() {
  const { t } = useTranslation();
  const access = useTransitionAccess();
  const [params, setParams] = useSearchParams();
  const query: TransitionWorklistQuery = {
    scope: params.get('scope') === 'mine' ? 'mine' : 'team',
    status: pick(TRANSITION_STATUSES, params.get('status')),
    gap: pick(GAP_FILTERS, params.get('gap')),
    q: params.get('q') ?? undefined,
    sort: pick(TRANSITION_SORTS, params.get('sort')) ?? 'gap',
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: PAGE_SIZE,
  };
  const [text, setText] = useState(query.q ?? '');
  const list = useTransitionWorklist(query);
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };
  const search = (event: FormEvent) => {
    event.preventDefault();
    set('q', text.trim() || undefined);
  };
  const total = list.data?.total ?? 0;
  const page = query.page ?? 1;

  return (
    <Stack>
      <PageTitle
        actions={
          access.canManage ? (
            <Button component={Link} to="/transitions/new">
              {t('transitions.worklist.new')}
            </Button>
          ) : null
        }
      >
        {t('transitions.title')}
      </PageTitle>
      <Text size="sm">{t('transitions.worklist.intro')}</Text>
      <SectionCard title={t('transitions.worklist.filters')}>
        <form onSubmit={search} role="search" aria-label={t('transitions.worklist.filters')}>
          <Group align="flex-end" wrap="wrap">
            <SegmentedControl
              aria-label={t('transitions.worklist.scope')}
              value={query.scope ?? 'team'}
              onChange={(value) => set('scope', value === 'mine' ? 'mine' : undefined)}
              data={[
                { value: 'team', label: t('transitions.worklist.scopeTeam') },
                { value: 'mine', label: t('transitions.worklist.scopeMine') },
              ]}
            />
            <NativeSelect
              label={t('transitions.worklist.gap')}
              value={query.gap ?? ''}
              onChange={(e) => set('gap', e.currentTarget.value || undefined)}
              data={[
                { value: '', label: t('transitions.worklist.any') },
                ...GAP_FILTERS.map((g) => ({ value: g, label: t(`transitions.worklist.gapFilter.${g}`) })),
              ]}
            />
            <NativeSelect
              label={t('transitions.worklist.status')}
              value={query.status ?? ''}
              onChange={(e) => set('status', e.currentTarget.value || undefined)}
              data={[
                { value: '', label: t('transitions.worklist.any') },
                ...TRANSITION_STATUSES.map((s) => ({ value: s, label: t(`transitions.vocab.status.${s}`) })),
              ]}
            />
            <NativeSelect
              label={t('transitions.worklist.sort')}
              value={query.sort ?? 'gap'}
              onChange={(e) => set('sort', e.currentTarget.value)}
              data={TRANSITION_SORTS.map((s) => ({ value: s, label: t(`transitions.worklist.sorts.${s}`) }))}
            />
            <TextInput
              label={t('transitions.worklist.q')}
              value={text}
              maxLength={100}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <Button type="submit" variant="default">
              {t('common.search')}
            </Button>
          </Group>
        </form>
      </SectionCard>
      <ErrorAlert error={list.error} />
      <Stack
        gap="xs"
        data-testid="worklist"
        data-state={list.isFetching ? 'loading' : list.isSuccess ? 'loaded' : 'idle'}
      >
        <WorklistTable rows={list.data?.items} fetching={list.isFetching} />
        <Group justify="space-between">
          <Text size="sm" aria-live="polite">
            {t('transitions.worklist.total', { count: total })}
          </Text>
          <Group gap="xs">
            <Button variant="default" disabled={page <= 1} onClick={() => set('page', String(page - 1))}>
              {t('transitions.worklist.previous')}
            </Button>
            <Button
              variant="default"
              disabled={page * PAGE_SIZE >= total}
              onClick={() => set('page', String(page + 1))}
            >
              {t('transitions.worklist.next')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Stack>
  );
}

function WorklistTable({ rows, fetching }: { rows: TransitionRow[] | undefined; fetching: boolean }) {
  const { t } = useTranslation();
  const labels = useTransitionLabels();
  return (
    <ListTable<TransitionRow>
      label={t('transitions.worklist.table')}
      records={rows}
      fetching={fetching}
      idAccessor="id"
      emptyText={t('transitions.worklist.none')}
      columns={[
        {
          accessor: 'patient.name',
          title: t('transitions.fields.patient'),
          render: (r) => (
            <Anchor component={Link} to={`/transitions/${encodeURIComponent(r.id)}`}>
              {r.patient.name}
            </Anchor>
          ),
        },
        {
          accessor: 'status',
          noWrap: true,
          title: t('transitions.fields.status'),
          render: (r) => <TransitionStatusBadge status={r.status} />,
        },
        {
          accessor: 'gap',
          noWrap: true,
          title: t('transitions.fields.gap'),
          render: (r) => <GapBadge gap={r.gap} size="sm" />,
        },
        {
          accessor: 'gap.coverageEnd',
          title: t('transitions.fields.coverageEnd'),
          render: (r) => labels.dateTime(r.gap.coverageEnd),
        },
        {
          accessor: 'dischargeAt',
          title: t('transitions.fields.discharge'),
          render: (r) =>
            r.dischargeAt
              ? `${labels.dateTime(r.dischargeAt)}${r.discharged ? '' : ` (${t('transitions.worklist.expected')})`}`
              : '—',
        },
        {
          accessor: 'nextAckDueAt',
          title: t('transitions.fields.ackDue'),
          render: (r) => (
            <Group gap={4}>
              <Text size="sm">{labels.dateTime(r.nextAckDueAt)}</Text>
              {r.ackOverdue ? (
                <Badge color="red" variant="light" tt="none" data-testid="ack-overdue">
                  {t('transitions.ack.overdue')}
                </Badge>
              ) : null}
            </Group>
          ),
        },
        {
          accessor: 'referrals',
          title: t('transitions.fields.referrals'),
          render: (r) =>
            r.referrals.length ? (
              <Stack gap={4}>
                {r.referrals.map((ref) => (
                  <Group key={ref.id} gap={4}>
                    <Text size="sm">{ref.receiver}</Text>
                    <ReferralStatusBadge status={ref.status} />
                  </Group>
                ))}
              </Stack>
            ) : (
              '—'
            ),
        },
        {
          accessor: 'navigator',
          title: t('transitions.fields.navigator'),
          render: (r) => r.navigator?.name ?? '—',
        },
      ]}
    />
  );
}
