/**
 * The moves of one inbox row, in a menu: accept, attended, no-show are one click; decline, book or change
 * the appointment, cancel and the others open the move dialog. The row's `version` goes in `If-Match`, so
 * a referral someone else just answered is refused (412) rather than overwritten.
 */
import { Button, Menu } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { allowedMoves, type InboxRow, type ReferralStatus, type Side } from '../../api/transitions.ts';
import { notifyError } from '../../components/notify.ts';
import { describeError } from '../../components/describe-error.ts';
import { MoveModal } from '../transitions/move-modal.tsx';
import {
  requirementsOf,
  useMoveLabel,
  useMoveReferral,
  type MoveSubject,
} from '../transitions/referral-moves.ts';

const NEEDS_DIALOG: readonly ReferralStatus[] = ['declined', 'cancelled', 'failed', 'entered_in_error'];

export function InboxActions({
  row,
  side,
  canAct,
  patientName,
}: {
  row: InboxRow;
  side: Side;
  canAct: boolean;
  patientName: string;
}) {
  const { t } = useTranslation();
  const moveLabel = useMoveLabel();
  const move = useMoveReferral();
  const [target, setTarget] = useState<ReferralStatus | null>(null);
  const subject: MoveSubject = {
    id: row.id,
    version: row.version,
    status: row.status,
    side,
    appointmentAt: row.appointmentAt,
  };
  const moves = canAct ? allowedMoves(row.status, side) : [];
  const act = (to: ReferralStatus) => {
    if (requirementsOf(subject, to).length > 0 || NEEDS_DIALOG.includes(to)) {
      setTarget(to);
      return;
    }
    move.mutate(
      { subject, target: to, input: { status: to } },
      { onError: (error) => notifyError(describeError(error, t)) },
    );
  };
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            size="xs"
            variant="default"
            loading={move.isPending}
            aria-label={t('transitions.inbox.actionsFor', { name: patientName })}
          >
            {t('transitions.inbox.actions')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item component={Link} to={`/referrals/${encodeURIComponent(row.id)}`}>
            {t('transitions.inbox.open')}
          </Menu.Item>
          {moves.length ? <Menu.Divider /> : null}
          {moves.map((to) => (
            <Menu.Item key={to} onClick={() => act(to)} color={NEEDS_DIALOG.includes(to) ? 'red' : undefined}>
              {moveLabel(row.status, to)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {target ? (
        <MoveModal
          key={target}
          subject={subject}
          target={target}
          context={t('transitions.inbox.context', { name: patientName, sender: row.sender.name })}
          onClose={() => setTarget(null)}
        />
      ) : null}
    </>
  );
}
