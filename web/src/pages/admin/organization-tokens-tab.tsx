/** All API tokens of an organization's members (org admins): list and revoke, e.g. when someone leaves. */
import { Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listOrganizationTokens, revokeOrganizationToken } from '../../api/organizations.ts';
import { describeError } from '../../components/describe-error.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { TokenTable } from '../../components/token-table.tsx';

export function OrganizationTokensTab({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const key = ['tokens', 'organization', organizationId];
  const tokens = useQuery({ queryKey: key, queryFn: () => listOrganizationTokens(organizationId) });
  const revoke = useMutation({
    mutationFn: (tokenId: string) => revokeOrganizationToken(organizationId, tokenId),
    onSuccess: async () => {
      notifications.show({ message: t('tokens.revoked'), color: 'teal' });
      await client.invalidateQueries({ queryKey: key });
    },
    onError: (error) => notifications.show({ message: describeError(error, t), color: 'red' }),
  });
  return (
    <Stack>
      <Text size="sm">{t('admin.orgTokens.intro')}</Text>
      <ErrorAlert error={tokens.error} />
      <TokenTable
        label={t('admin.orgTokens.title')}
        tokens={tokens.data?.items}
        fetching={tokens.isFetching}
        showOwner
        onRevoke={(token) => revoke.mutate(token.id)}
      />
    </Stack>
  );
}
