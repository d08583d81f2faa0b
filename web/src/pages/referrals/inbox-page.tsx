/**
 * The partner inbox (`/referrals`): referrals sent to the active organization — or, in the outbox, those
 * it sent — with urgency, the acknowledgement deadline (flagged when overdue), the appointment and the
 * coverage-gap clock, and a menu per row to accept, decline or book in one or two clicks. Filters and sort
 * live in the address.
 */
import { Anchor, Badge, Group, NativeSelect, SegmentedControl, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  INBOX_SORTS,
  REFERRAL_STATUSES,
  useReferralList,
  type InboxRow,
  type ReferralInboxQuery,
} from '../../api/transitions.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ListTable } from '../../components/list-table.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { GapBadge, ReferralStatusBadge } from '../transitions/badges.tsx';
import { useTransitionAccess, useTransitionLabels } from '../transitions/transition-labels.ts';
import { InboxActions } from './inbox-actions.tsx';
import { InboxPager } from './inbox-pager.tsx';

const PAGE_SIZE = 25;

const pick = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  list.includes(value as T) ? (value as T) : undefined;

export function InboxPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const box = params.get('box') === 'outbox' ? 'outbox' : 'inbox';
  const query: ReferralInboxQuery = {
    box,
    status: pick(REFERRAL_STATUSES, params.get('status')),
    open: params.get('open') === 'false' ? undefined : 'true',
    sort: pick(INBOX_SORTS, params.get('sort')) ?? 'urgency',
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: PAGE_SIZE,
  };
  const list = useReferralList(query);
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };

  return (
    <Stack>
      <PageTitle>{t('transitions.inbox.title')}</PageTitle>
      <Text size="sm">{t('transitions.inbox.intro')}</Text>
      <Group align="flex-end" wrap="wrap" role="search" aria-label={t('transitions.inbox.filters')}>
        <SegmentedControl
          aria-label={t('transitions.inbox.box')}
          value={box}
          onChange={(value) => set('box', value === 'outbox' ? 'outbox' : undefined)}
          data={[
            { value: 'inbox', label: t('transitions.inbox.inbox') },
            { value: 'outbox', label: t('transitions.inbox.outbox') },
          ]}
        />
        <NativeSelect
          label={t('transitions.fields.status')}
          value={query.status ?? ''}
          onChange={(e) => set('status', e.currentTarget.value || undefined)}
          data={[
            { value: '', label: t('transitions.worklist.any') },
            ...REFERRAL_STATUSES.map((s) => ({
              value: s,
              label: t(`transitions.vocab.referralStatus.${s}`),
            })),
          ]}
        />
        <NativeSelect
          label={t('transitions.worklist.sort')}
          value={query.sort ?? 'urgency'}
          onChange={(e) => set('sort', e.currentTarget.value)}
          data={INBOX_SORTS.map((s) => ({ value: s, label: t(`transitions.inbox.sorts.${s}`) }))}
        />
        <Switch
          label={t('transitions.inbox.openOnly')}
          checked={query.open !== undefined}
          onChange={(e) => set('open', e.currentTarget.checked ? undefined : 'false')}
        />
      </Group>
      <ErrorAlert error={list.error} />
      <Stack
        gap="xs"
        data-testid="inbox"
        data-state={list.isFetching ? 'loading' : list.isSuccess ? 'loaded' : 'idle'}
      >
        <InboxTable rows={list.data?.items} fetching={list.isFetching} box={box} />
        <InboxPager
          total={list.data?.total ?? 0}
          page={query.page ?? 1}
          pageSize={PAGE_SIZE}
          onPage={(page) => set('page', String(page))}
        />
      </Stack>
    </Stack>
  );
}

function InboxTable({
  rows,
  fetching,
  box,
}: {
  rows: InboxRow[] | undefined;
  fetching: boolean;
  box: 'inbox' | 'outbox';
}) {
  const { t } = useTranslation();
  const labels = useTransitionLabels();
  const access = useTransitionAccess();
  const nameOf = (r: InboxRow) => r.patient.name ?? t('transitions.inbox.nameNotShared');
  return (
    <ListTable<InboxRow>
      label={box === 'inbox' ? t('transitions.inbox.table') : t('transitions.inbox.outboxTable')}
      records={rows}
      fetching={fetching}
      idAccessor="id"
      emptyText={t('transitions.inbox.none')}
      columns={[
        {
          accessor: 'patient.name',
          title: t('transitions.fields.patient'),
          render: (r) => (
            <Anchor component={Link} to={`/referrals/${encodeURIComponent(r.id)}`}>
              {nameOf(r)}
            </Anchor>
          ),
        },
        {
          accessor: 'sender.name',
          title: box === 'inbox' ? t('transitions.inbox.from') : t('transitions.inbox.service'),
          render: (r) => (box === 'inbox' ? r.sender.name : r.service.name),
        },
        {
          accessor: 'status',
          noWrap: true,
          title: t('transitions.fields.status'),
          render: (r) => (
            <Group gap={4}>
              <ReferralStatusBadge status={r.status} />
              {r.urgency === 'urgent' ? (
                <Badge color="red" variant="light" tt="none">
                  {labels.urgency('urgent')}
                </Badge>
              ) : null}
            </Group>
          ),
        },
        {
          accessor: 'sentAt',
          title: t('transitions.fields.sentAt'),
          render: (r) => labels.dateTime(r.sentAt),
        },
        {
          accessor: 'ackDueAt',
          title: t('transitions.fields.ackDue'),
          render: (r) => (
            <Group gap={4}>
              <Text size="sm">{labels.dateTime(r.ackDueAt)}</Text>
              {r.ackOverdue ? (
                <Badge color="red" variant="light" tt="none" data-testid="ack-overdue">
                  {t('transitions.ack.overdue')}
                </Badge>
              ) : null}
            </Group>
          ),
        },
        {
          accessor: 'appointmentAt',
          title: t('transitions.fields.appointment'),
          render: (r) => labels.dateTime(r.appointmentAt),
        },
        {
          accessor: 'gap',
          noWrap: true,
          title: t('transitions.fields.gap'),
          render: (r) => <GapBadge gap={r.gap} size="sm" />,
        },
        {
          accessor: 'actions',
          title: t('common.actions'),
          render: (r) => (
            <InboxActions
              row={r}
              side={box === 'inbox' ? 'receiver' : 'sender'}
              canAct={box === 'inbox' ? access.canRespond : access.canSend}
              patientName={nameOf(r)}
            />
          ),
        },
      ]}
    />
  );
}
