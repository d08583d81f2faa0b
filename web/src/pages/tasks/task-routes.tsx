/** The tasks area's pages (mounted at `/tasks/*`): the worklist and one task. */
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../not-found-page.tsx';
import { TaskPage } from './task-page.tsx';
import { TaskWorklistPage } from './task-worklist-page.tsx';

export function TaskRoutes() {
  return (
    <Routes>
      <Route index element={<TaskWorklistPage />} />
      <Route path=":id" element={<TaskPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
