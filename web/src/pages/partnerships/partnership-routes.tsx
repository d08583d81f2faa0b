/** The partnership workspace's pages (mounted at `/partnerships/*`). */
import { Route, Routes } from 'react-router';
import { ComingSoonPage } from '../coming-soon/coming-soon-page.tsx';

export function PartnershipRoutes() {
  return (
    <Routes>
      <Route index element={<ComingSoonPage area="partnerships" />} />
    </Routes>
  );
}
