/**
 * Moving a referral from one status to another: what a move requires (a reason of the right kind, an
 * appointment, a note — the server's own state machine), its button label, and the mutation that sends it
 * with `If-Match` and then refreshes the referral, the worklists and the inbox rows it changed.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error.ts';
import {
  moveReferral,
  MOVES,
  referralKeys,
  transitionKeys,
  type InboxRow,
  type Page,
  type ReferralStatus,
  type ReferralStatusInput,
  type ReferralView,
  type Requirement,
  type Side,
} from '../../api/transitions.ts';
import { notifySuccess } from '../../components/notify.ts';
import { moveLabelKey } from './move-label-key.ts';

/** What the user acts on: a referral as loaded (page) or as listed (inbox row). */
export interface MoveSubject {
  id: string;
  version: number;
  status: ReferralStatus;
  side: Side;
  /** The current appointment, to prefill a change of appointment. */
  appointmentAt?: string | null;
}

export interface MoveRequest {
  subject: MoveSubject;
  target: ReferralStatus;
  input: ReferralStatusInput;
}

/** What a move from the subject's status to the target requires (empty for a plain move). */
export function requirementsOf(subject: MoveSubject, target: ReferralStatus): readonly Requirement[] {
  const move = MOVES.find((m) => m.from === subject.status && m.to === target && m.by.includes(subject.side));
  return move?.requires ?? [];
}

export function useMoveLabel() {
  const { t } = useTranslation();
  return (from: ReferralStatus, to: ReferralStatus) => t(`transitions.moves.${moveLabelKey(from, to)}`);
}

/** Sends a move; on success the referral and every list showing it are refreshed. */
export function useMoveReferral(onMoved?: (view: ReferralView) => void) {
  const { t } = useTranslation();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ subject, input }: MoveRequest) => moveReferral(subject.id, subject.version, input),
    onError: async (error) => {
      // Someone else acted (412) or the move is gone (409): show the referral as it is now.
      if (isApiError(error) && (error.status === 409 || error.status === 412)) {
        await client.invalidateQueries({ queryKey: referralKeys.all });
      }
    },
    onSuccess: async (view) => {
      client.setQueryData(referralKeys.one(view.id), view);
      // Inbox rows carry the version the next move sends: update them at once, before the refetch.
      client.setQueriesData<Page<InboxRow>>({ queryKey: ['referrals', 'list'] }, (page) =>
        page
          ? {
              ...page,
              items: page.items.map((row) =>
                row.id === view.id
                  ? {
                      ...row,
                      status: view.status,
                      version: view.version,
                      appointmentAt: view.appointment?.at ?? null,
                      gap: view.gap,
                    }
                  : row,
              ),
            }
          : page,
      );
      notifySuccess(
        t('transitions.moves.done', { status: t(`transitions.vocab.referralStatus.${view.status}`) }),
      );
      onMoved?.(view);
      await Promise.all([
        client.invalidateQueries({ queryKey: ['referrals', 'list'] }),
        client.invalidateQueries({ queryKey: transitionKeys.one(view.transitionId) }),
        client.invalidateQueries({ queryKey: ['transitions', 'worklist'] }),
      ]);
    },
  });
}
