/** The patients area's pages (mounted at `/patients/*`). */
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../not-found-page.tsx';
import { ConsentWizardPage } from './consent-wizard-page.tsx';
import { DisclosuresPage } from './disclosures-page.tsx';
import { EmergencyReviewPage } from './emergency-review-page.tsx';
import { ListRequestsPage } from './list-requests-page.tsx';
import { PatientPage } from './patient-page.tsx';
import { PatientsPage } from './patients-page.tsx';
import { RegisterPatientPage } from './register-patient-page.tsx';

export function PatientRoutes() {
  return (
    <Routes>
      <Route index element={<PatientsPage />} />
      <Route path="new" element={<RegisterPatientPage />} />
      <Route path="emergency-review" element={<EmergencyReviewPage />} />
      <Route path="list-requests" element={<ListRequestsPage />} />
      <Route path=":id" element={<PatientPage />} />
      <Route path=":id/consents/new" element={<ConsentWizardPage />} />
      <Route path=":id/disclosures" element={<DisclosuresPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
