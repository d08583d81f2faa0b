/** The partnership workspace's pages (mounted at `/partnerships/*`). */
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../not-found-page.tsx';
import { PartnershipPage } from './partnership-page.tsx';
import { PartnershipsPage } from './partnerships-page.tsx';

export function PartnershipRoutes() {
  return (
    <Routes>
      <Route index element={<PartnershipsPage />} />
      <Route path=":id" element={<PartnershipPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
