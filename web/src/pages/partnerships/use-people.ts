/** The people of the active organization a user may name as liaison or action-item owner. */
import { useQuery } from '@tanstack/react-query';
import { listMembers } from '../../api/organizations.ts';
import { useSession } from '../../session/session-context.ts';
import { usePartnershipAccess } from './partnership-labels.ts';

/** People the user may name for their own side: active colleagues when listable, else only themselves. */
export function usePeopleOfOwnSide(organizationId: string | undefined) {
  const session = useSession();
  const { canListMembers } = usePartnershipAccess();
  const members = useQuery({
    queryKey: ['members', organizationId],
    queryFn: () => listMembers(organizationId ?? ''),
    enabled: canListMembers && !!organizationId,
  });
  const self = { userId: session.user.id, name: session.user.displayName };
  const people = members.data
    ? members.data.items
        .filter((m) => m.status === 'active')
        .map((m) => ({ userId: m.userId, name: m.displayName }))
        .sort((a, b) => a.name.localeCompare(b.name))
    : [self];
  if (!people.some((p) => p.userId === self.userId)) people.unshift(self);
  return { people, selfOnly: !members.data, self };
}
