/** The directory area's pages (mounted at `/directory/*`). */
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../not-found-page.tsx';
import { DirectoryPage } from './directory-page.tsx';
import { ServiceEditPage } from './service-edit-page.tsx';
import { ServicePage } from './service-page.tsx';

export function DirectoryRoutes() {
  return (
    <Routes>
      <Route index element={<DirectoryPage />} />
      <Route path="services/:id" element={<ServicePage />} />
      <Route path="services/:id/edit" element={<ServiceEditPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
