/** The pathways area's pages (mounted at `/pathways/*`): the list, a new pathway, one pathway, its editor. */
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../not-found-page.tsx';
import { EditPathwayPage, NewPathwayPage } from './pathway-edit-pages.tsx';
import { PathwayPage } from './pathway-page.tsx';
import { PathwaysPage } from './pathways-page.tsx';

export function PathwayRoutes() {
  return (
    <Routes>
      <Route index element={<PathwaysPage />} />
      <Route path="new" element={<NewPathwayPage />} />
      <Route path=":id" element={<PathwayPage />} />
      <Route path=":id/edit" element={<EditPathwayPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
