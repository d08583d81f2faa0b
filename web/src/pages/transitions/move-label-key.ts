/**
 * Which words name a referral move on a button (pure, so the journeys can check both languages label every
 * move): booking and changing an appointment, sending a draft and reopening are told apart by where the
 * referral moves from.
 */
import type { ReferralStatus } from '../../../../server/src/domain/transitions/vocabulary.ts';

export type MoveLabelKey =
  | 'accepted'
  | 'declined'
  | 'book'
  | 'reschedule'
  | 'attended'
  | 'no_show'
  | 'engaged'
  | 'cancelled'
  | 'failed'
  | 'send'
  | 'reopen'
  | 'entered_in_error';

export function moveLabelKey(from: ReferralStatus, to: ReferralStatus): MoveLabelKey {
  switch (to) {
    case 'scheduled':
      return from === 'scheduled' ? 'reschedule' : 'book';
    case 'sent':
      return from === 'draft' ? 'send' : 'reopen';
    case 'accepted':
    case 'declined':
    case 'attended':
    case 'no_show':
    case 'engaged':
    case 'cancelled':
    case 'failed':
    case 'entered_in_error':
      return to;
    case 'draft':
      return 'reopen';
  }
}
