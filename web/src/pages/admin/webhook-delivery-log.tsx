/**
 * One webhook's delivery log: the latest 100 events sent (or to be sent) to it, newest first — each with its
 * status, how many attempts, the last attempt's HTTP status or error, when the next attempt is due, and
 * every attempt on request — and "Resend", which queues the event again now with the same event id. The
 * log is read when opened and on "Refresh" (no polling: a request keeps an unattended session alive).
 */
import { Badge, Button, Code, Group, List, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  resendDelivery,
  useDeliveryLog,
  webhookKeys,
  type DeliveryAttempt,
  type DeliveryView,
  type WebhookView,
} from '../../api/webhooks.ts';
import { describeError } from '../../components/describe-error.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ListTable } from '../../components/list-table.tsx';
import { notifyError, notifySuccess } from '../../components/notify.ts';
import { SectionCard } from '../../components/section-card.tsx';
import { useFormatDateTime } from '../../components/use-format.ts';
import { FULL_BADGE } from '../tasks/task-bits.tsx';
import { DELIVERY_COLORS, deliveryState } from './webhook-labels.ts';

export function WebhookDeliveryLog({ webhook, onClose }: { webhook: WebhookView; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const when = useFormatDateTime();
  const log = useDeliveryLog(webhook.id);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const resend = useMutation({
    mutationFn: (delivery: DeliveryView) => resendDelivery(webhook.id, delivery.id),
    onSuccess: async () => {
      notifySuccess(t('admin.webhooks.log.resent'));
      await client.invalidateQueries({ queryKey: webhookKeys.deliveries(webhook.id) });
    },
    onError: (error) => notifyError(describeError(error, t)),
  });
  const toggle = (id: string) =>
    setExpanded((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const result = (attempt: DeliveryAttempt) =>
    attempt.statusCode !== null
      ? t('admin.webhooks.log.httpStatus', { code: attempt.statusCode })
      : (attempt.error ?? '—');

  return (
    <SectionCard title={t('admin.webhooks.log.heading', { url: webhook.url })}>
      <Stack>
        <Text size="sm">{t('admin.webhooks.log.intro')}</Text>
        <Group>
          <Button size="xs" variant="default" loading={log.isFetching} onClick={() => void log.refetch()}>
            {t('admin.webhooks.log.refresh')}
          </Button>
          <Button size="xs" variant="subtle" onClick={onClose}>
            {t('admin.webhooks.log.close')}
          </Button>
        </Group>
        <ErrorAlert error={log.error} />
        <div data-testid="delivery-log" data-state={log.isPending ? 'loading' : 'loaded'}>
          <ListTable<DeliveryView>
            label={t('admin.webhooks.log.table')}
            records={log.data}
            fetching={log.isFetching}
            idAccessor="id"
            emptyText={t('admin.webhooks.log.none')}
            columns={[
              {
                accessor: 'type',
                title: t('admin.webhooks.log.event'),
                render: (d) => (
                  <Stack gap={2}>
                    <Text size="sm" fw={500}>
                      {d.type || '—'}
                    </Text>
                    <Code style={{ wordBreak: 'break-all' }} data-testid="event-id">
                      {d.eventId}
                    </Code>
                  </Stack>
                ),
              },
              {
                accessor: 'createdAt',
                title: t('admin.webhooks.log.queued'),
                render: (d) => when(d.createdAt),
              },
              {
                accessor: 'status',
                title: t('common.status'),
                noWrap: true,
                render: (d) => {
                  const state = deliveryState(d);
                  return (
                    <Badge
                      color={DELIVERY_COLORS[state]}
                      variant="light"
                      tt="none"
                      styles={FULL_BADGE}
                      data-testid="delivery-state"
                      data-state={state}
                    >
                      {t(`admin.webhooks.log.state.${state}`)}
                    </Badge>
                  );
                },
              },
              {
                accessor: 'attempts',
                title: t('admin.webhooks.log.attempts'),
                render: (d) => {
                  const open = expanded.has(d.id);
                  return (
                    <Stack gap={4} align="flex-start">
                      <Text size="sm" data-testid="attempt-count">
                        {d.attempts.length}
                      </Text>
                      {d.attempts.length > 0 ? (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          aria-expanded={open}
                          aria-label={t(
                            open ? 'admin.webhooks.log.hideAttemptsOf' : 'admin.webhooks.log.showAttemptsOf',
                            { type: d.type, at: when(d.createdAt) },
                          )}
                          onClick={() => toggle(d.id)}
                        >
                          {open ? t('admin.webhooks.log.hideAttempts') : t('admin.webhooks.log.showAttempts')}
                        </Button>
                      ) : null}
                      {open ? (
                        <List size="xs" type="ordered">
                          {d.attempts.map((a, i) => (
                            <List.Item key={`${a.at}-${i}`}>
                              {t('admin.webhooks.log.attemptLine', {
                                at: when(a.at),
                                result: result(a),
                                ms: a.durationMs,
                              })}
                            </List.Item>
                          ))}
                        </List>
                      ) : null}
                    </Stack>
                  );
                },
              },
              {
                accessor: 'lastAttempt',
                title: t('admin.webhooks.log.lastAttempt'),
                render: (d) => {
                  const last = d.attempts[d.attempts.length - 1];
                  if (!last) return t('admin.webhooks.log.noAttempt');
                  return (
                    <Stack gap={2}>
                      <Text size="sm" data-testid="last-result" c={last.ok ? undefined : 'red.9'}>
                        {result(last)}
                      </Text>
                      <Text size="xs">{when(last.at)}</Text>
                    </Stack>
                  );
                },
              },
              {
                accessor: 'nextAttemptAt',
                title: t('admin.webhooks.log.nextAttempt'),
                render: (d) => (d.status === 'pending' ? when(d.nextAttemptAt) : '—'),
              },
              {
                accessor: 'actions',
                title: t('common.actions'),
                render: (d) => (
                  <Button
                    size="xs"
                    variant="light"
                    disabled={d.status === 'sending'}
                    loading={resend.isPending && resend.variables?.id === d.id}
                    aria-label={t('admin.webhooks.log.resendNamed', { type: d.type, at: when(d.createdAt) })}
                    onClick={() => resend.mutate(d)}
                  >
                    {t('admin.webhooks.log.resend')}
                  </Button>
                ),
              },
            ]}
          />
        </div>
      </Stack>
    </SectionCard>
  );
}
