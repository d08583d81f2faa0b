/**
 * The active organization: a chooser when the user belongs to several (cross-hired staff).
 * Switching asks the server, then refreshes every cached query for the new organization.
 */
import { NativeSelect, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { switchMembership } from '../api/auth.ts';
import { activeMembership, useSession } from '../session/session-context.ts';
import { useApplySession } from '../session/session-query.ts';
import { describeError } from './describe-error.ts';
import { notifyError, notifySuccess } from './notify.ts';

export function OrganizationSwitcher() {
  const { t } = useTranslation();
  const session = useSession();
  const applySession = useApplySession();
  const switching = useMutation({
    mutationFn: switchMembership,
    onSuccess: (next) => {
      applySession(next);
      const name = activeMembership(next)?.organization.name ?? '';
      notifySuccess(t('frame.switched', { name }));
    },
    onError: (error) => notifyError(describeError(error, t)),
  });
  const active = activeMembership(session);
  if (session.memberships.length <= 1) {
    return (
      <Text size="sm" fw={500} truncate>
        {active?.organization.name ?? t('frame.noOrganization')}
      </Text>
    );
  }
  return (
    <NativeSelect
      aria-label={t('frame.activeOrganization')}
      size="xs"
      value={session.activeMembershipId ?? ''}
      disabled={switching.isPending}
      onChange={(event) => switching.mutate(event.currentTarget.value)}
      data={session.memberships.map((m) => ({ value: m.id, label: m.organization.name }))}
    />
  );
}
