/** Status of a token or invitation: active, expired, revoked or accepted. */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type ItemStatus = 'active' | 'expired' | 'revoked' | 'accepted' | 'inactive';

const COLORS: Record<ItemStatus, string> = {
  active: 'teal',
  expired: 'gray',
  revoked: 'red',
  accepted: 'indigo',
  inactive: 'gray',
};

export function statusOf(
  item: { revokedAt?: string | null; expiresAt?: string | null; acceptedAt?: string | null },
  now = Date.now(),
): ItemStatus {
  if (item.revokedAt) return 'revoked';
  if (item.acceptedAt) return 'accepted';
  if (item.expiresAt && Date.parse(item.expiresAt) <= now) return 'expired';
  return 'active';
}

export function StatusBadge({ status }: { status: ItemStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="outline" tt="none">
      {t(`status.${status}`)}
    </Badge>
  );
}
