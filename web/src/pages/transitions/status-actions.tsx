/**
 * A referral's status as both sides see it (status, acknowledgement deadline, appointment, last reason)
 * and the moves the reader's side may make now — only those the server lists in `allowedMoves`. A move
 * that needs nothing more is one click; the others open the move dialog.
 */
import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error.ts';
import { referralKeys, type ReferralStatus, type ReferralView } from '../../api/transitions.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { ReferralStatusBadge } from './badges.tsx';
import { FactsTable } from './facts-table.tsx';
import { MoveModal } from './move-modal.tsx';
import { requirementsOf, useMoveLabel, useMoveReferral, type MoveSubject } from './referral-moves.ts';
import { useTransitionAccess, useTransitionLabels } from './transition-labels.ts';
import { StaleAlert } from './transition-update.tsx';

const DESTRUCTIVE: readonly ReferralStatus[] = ['declined', 'cancelled', 'failed', 'entered_in_error'];

export function StatusSection({ referral: r }: { referral: ReferralView }) {
  const { t } = useTranslation();
  const labels = useTransitionLabels();
  const access = useTransitionAccess();
  const moveLabel = useMoveLabel();
  const client = useQueryClient();
  const move = useMoveReferral();
  const [target, setTarget] = useState<ReferralStatus | null>(null);
  const subject: MoveSubject = {
    id: r.id,
    version: r.version,
    status: r.status,
    side: r.side,
    appointmentAt: r.appointment?.at ?? null,
  };
  const mayAct = r.side === 'receiver' ? access.canRespond : access.canSend || access.canManage;
  const moves = mayAct ? r.allowedMoves : [];
  const act = (to: ReferralStatus) => {
    if (requirementsOf(subject, to).length > 0 || DESTRUCTIVE.includes(to)) setTarget(to);
    else move.mutate({ subject, target: to, input: { status: to } });
  };
  const stale = isApiError(move.error) && move.error.status === 412;

  return (
    <SectionCard title={t('transitions.referral.status')}>
      <Stack>
        <FactsTable
          label={t('transitions.referral.status')}
          rows={[
            [
              t('transitions.fields.status'),
              <Group key="status" gap={4}>
                <ReferralStatusBadge status={r.status} />
                <Badge color={r.urgency === 'urgent' ? 'red' : 'gray'} variant="light" tt="none">
                  {labels.urgency(r.urgency)}
                </Badge>
              </Group>,
            ],
            [t('transitions.fields.sentAt'), labels.dateTime(r.sentAt)],
            [
              t('transitions.fields.ackDue'),
              r.ackOverdue
                ? t('transitions.ack.overdueSince', { at: labels.dateTime(r.ackDueAt) })
                : r.acknowledgedAt
                  ? t('transitions.ack.acknowledged', { at: labels.dateTime(r.acknowledgedAt) })
                  : labels.dateTime(r.ackDueAt),
            ],
            [
              t('transitions.fields.appointment'),
              r.appointment
                ? [labels.dateTime(r.appointment.at), r.appointment.place, r.appointment.notes]
                    .filter(Boolean)
                    .join(' · ')
                : '—',
            ],
            [
              t('transitions.fields.lastReason'),
              r.lastReason ? `${labels.reason(r.lastReason.code)}: ${r.lastReason.text}` : '—',
            ],
          ]}
        />
        {moves.length ? (
          <Group gap="xs" role="group" aria-label={t('transitions.referral.actions')}>
            {moves.map((to) => (
              <Button
                key={to}
                variant={DESTRUCTIVE.includes(to) ? 'default' : 'filled'}
                loading={move.isPending && move.variables.target === to}
                disabled={move.isPending}
                onClick={() => act(to)}
              >
                {moveLabel(r.status, to)}
              </Button>
            ))}
          </Group>
        ) : (
          <Text size="sm">{t('transitions.referral.noMoves')}</Text>
        )}
        {stale ? (
          <StaleAlert
            onReload={() => {
              move.reset();
              void client.invalidateQueries({ queryKey: referralKeys.one(r.id) });
            }}
          />
        ) : (
          <ErrorAlert error={move.error} />
        )}
        {r.status === 'declined' && r.side === 'sender' ? (
          <Alert color="orange" variant="light">
            {t('transitions.referral.declinedHint')}
          </Alert>
        ) : null}
      </Stack>
      {target ? (
        <MoveModal key={target} subject={subject} target={target} onClose={() => setTarget(null)} />
      ) : null}
    </SectionCard>
  );
}
