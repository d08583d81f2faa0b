/** The transitions area's pages (mounted at `/transitions/*`): the worklist, a new transition, one transition. */
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../not-found-page.tsx';
import { NewTransitionPage } from './new-transition-page.tsx';
import { TransitionPage } from './transition-page.tsx';
import { WorklistPage } from './worklist-page.tsx';

export function TransitionRoutes() {
  return (
    <Routes>
      <Route index element={<WorklistPage />} />
      <Route path="new" element={<NewTransitionPage />} />
      <Route path=":id" element={<TransitionPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
