/** A table of API tokens (personal or an organization's) with a revoke action per active token. */
import { Code } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../api/types.ts';
import { ConfirmButton } from './confirm-button.tsx';
import { ListTable } from './list-table.tsx';
import { StatusBadge, statusOf } from './status-badge.tsx';
import { useFormatDateTime } from './use-format.ts';

export function TokenTable({
  label,
  tokens,
  fetching,
  showOwner = false,
  onRevoke,
}: {
  label: string;
  tokens: ApiToken[] | undefined;
  fetching: boolean;
  showOwner?: boolean;
  onRevoke: (token: ApiToken) => void;
}) {
  const { t } = useTranslation();
  const when = useFormatDateTime();
  return (
    <ListTable<ApiToken>
      label={label}
      records={tokens}
      fetching={fetching}
      idAccessor="id"
      emptyText={t('tokens.none')}
      columns={[
        { accessor: 'name', title: t('tokens.name') },
        ...(showOwner ? [{ accessor: 'userEmail', title: t('tokens.owner') }] : []),
        { accessor: 'prefix', title: t('tokens.prefix'), render: (r) => <Code>{r.prefix}…</Code> },
        { accessor: 'createdAt', title: t('tokens.created'), render: (r) => when(r.createdAt) },
        { accessor: 'expiresAt', title: t('tokens.expires'), render: (r) => when(r.expiresAt) },
        { accessor: 'lastUsedAt', title: t('tokens.lastUsed'), render: (r) => when(r.lastUsedAt) },
        {
          accessor: 'status',
          noWrap: true,
          title: t('common.status'),
          render: (r) => <StatusBadge status={statusOf(r)} />,
        },
        {
          accessor: 'actions',
          title: t('common.actions'),
          render: (r) =>
            statusOf(r) === 'active' ? (
              <ConfirmButton
                label={t('tokens.revoke')}
                ariaLabel={t('tokens.revokeNamed', { name: r.name })}
                title={t('tokens.revokeTitle')}
                message={t('tokens.revokeMessage', { name: r.name })}
                confirmLabel={t('tokens.revoke')}
                onConfirm={() => onRevoke(r)}
              />
            ) : null,
        },
      ]}
    />
  );
}
