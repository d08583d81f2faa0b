/** The referrals area's pages (mounted at `/referrals/*`): the partner inbox (and outbox), one referral. */
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../not-found-page.tsx';
import { ReferralPage } from '../transitions/referral-page.tsx';
import { InboxPage } from './inbox-page.tsx';

export function ReferralRoutes() {
  return (
    <Routes>
      <Route index element={<InboxPage />} />
      <Route path=":id" element={<ReferralPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
