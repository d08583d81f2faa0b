/** All API tokens of an organization's members (org admins): list and revoke, e.g. when someone leaves. */
import { Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listOrganizationTokens, revokeOrganizationToken } from '../../api/organizations.ts';
import { describeError } from '../../components/describe-error.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { TokenTable } from '../../components/token-table.tsx';
import { notifyError, notifySuccess } from '../../components/notify.ts';

export function OrganizationTokensTab({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const key = ['tokens', 'organization', organizationId];
  const tokens = useQuery({ queryKey: key, queryFn: () => listOrganizationTokens(organizationId) });
  const revoke = useMutation({
    mutationFn: (tokenId: string) => revokeOrganizationToken(organizationId, tokenId),
    onSuccess: async () => {
      notifySuccess(t('tokens.revoked'));
      await client.invalidateQueries({ queryKey: key });
    },
    onError: (error) => notifyError(describeError(error, t)),
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
