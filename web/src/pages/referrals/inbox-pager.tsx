/** Previous / next pages of a list, with the count of items in words. */
import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function InboxPager(props: {
  total: number;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between">
      <Text size="sm" aria-live="polite">
        {t('transitions.inbox.total', { count: props.total })}
      </Text>
      <Group gap="xs">
        <Button variant="default" disabled={props.page <= 1} onClick={() => props.onPage(props.page - 1)}>
          {t('transitions.worklist.previous')}
        </Button>
        <Button
          variant="default"
          disabled={props.page * props.pageSize >= props.total}
          onClick={() => props.onPage(props.page + 1)}
        >
          {t('transitions.worklist.next')}
        </Button>
      </Group>
    </Group>
  );
}
