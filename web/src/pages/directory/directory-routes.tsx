/** The directory area's pages (mounted at `/directory/*`). */
import { Route, Routes } from 'react-router';
import { ComingSoonPage } from '../coming-soon/coming-soon-page.tsx';

export function DirectoryRoutes() {
  return (
    <Routes>
      <Route index element={<ComingSoonPage area="directory" />} />
    </Routes>
  );
}
