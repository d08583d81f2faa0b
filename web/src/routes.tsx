/** The route table: public pages in a plain frame, everything else behind the session guard. */
import { Route, Routes } from 'react-router';
import { AppFrame } from './components/app-frame.tsx';
import { AREAS } from './components/areas.ts';
import { PublicFrame } from './components/public-frame.tsx';
import { RequirePermission } from './components/require-permission.tsx';
import { RequireSession } from './components/require-session.tsx';
import { AccountPage } from './pages/account/account-page.tsx';
import { AdminHomePage } from './pages/admin/admin-home-page.tsx';
import { AuditLogPage } from './pages/admin/audit-log-page.tsx';
import { CreateOrganizationPage } from './pages/admin/create-organization-page.tsx';
import { DirectoryImportPage } from './pages/admin/directory-import-page.tsx';
import { OrganizationPage } from './pages/admin/organization-page.tsx';
import { OrganizationsPage } from './pages/admin/organizations-page.tsx';
import { ForgotPasswordPage } from './pages/auth/forgot-password-page.tsx';
import { InvitationPage } from './pages/auth/invitation-page.tsx';
import { LoginPage } from './pages/auth/login-page.tsx';
import { ResetPasswordPage } from './pages/auth/reset-password-page.tsx';
import { ComingSoonPage } from './pages/coming-soon/coming-soon-page.tsx';
import { DirectoryRoutes } from './pages/directory/directory-routes.tsx';
import { HomePage } from './pages/home/home-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { NotificationsPage } from './pages/notifications/notifications-page.tsx';
import { PartnershipRoutes } from './pages/partnerships/partnership-routes.tsx';
import { PathwayRoutes } from './pages/pathways/pathway-routes.tsx';
import { PatientRoutes } from './pages/patients/patient-routes.tsx';
import { ReferralRoutes } from './pages/referrals/referral-routes.tsx';
import { TaskRoutes } from './pages/tasks/task-routes.tsx';
import { TransitionRoutes } from './pages/transitions/transition-routes.tsx';
import { ADMIN_PERMISSIONS } from './vocabulary.ts';

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<PublicFrame />}>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password/:token" element={<ResetPasswordPage />} />
        <Route path="/invite/:token" element={<InvitationPage />} />
      </Route>
      <Route element={<RequireSession />}>
        <Route element={<AppFrame />}>
          <Route index element={<HomePage />} />
          <Route path="/account" element={<AccountPage />} />
          <Route path="/directory/*" element={<DirectoryRoutes />} />
          <Route path="/partnerships/*" element={<PartnershipRoutes />} />
          <Route path="/patients/*" element={<PatientRoutes />} />
          <Route path="/transitions/*" element={<TransitionRoutes />} />
          <Route path="/referrals/*" element={<ReferralRoutes />} />
          <Route path="/tasks/*" element={<TaskRoutes />} />
          <Route path="/pathways/*" element={<PathwayRoutes />} />
          <Route path="/notifications" element={<NotificationsPage />} />
          {AREAS.filter(
            (area) => !['directory', 'partnerships', 'patients', 'transitions', 'tasks'].includes(area),
          ).map((area) => (
            <Route key={area} path={`/${area}`} element={<ComingSoonPage area={area} />} />
          ))}
          <Route path="/admin" element={<RequirePermission anyOf={ADMIN_PERMISSIONS} />}>
            <Route index element={<AdminHomePage />} />
            <Route path="organizations" element={<OrganizationsPage />} />
            <Route path="organizations/:id" element={<OrganizationPage />} />
            <Route path="audit" element={<RequirePermission anyOf={['audit.read']} />}>
              <Route index element={<AuditLogPage />} />
            </Route>
            <Route path="directory-import" element={<RequirePermission anyOf={['directory.import']} />}>
              <Route index element={<DirectoryImportPage />} />
            </Route>
          </Route>
          <Route
            path="/admin/organizations/new"
            element={<RequirePermission anyOf={['organization.create']} />}
          >
            <Route index element={<CreateOrganizationPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
