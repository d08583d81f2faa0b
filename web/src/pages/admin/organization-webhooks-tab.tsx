/**
 * The organization's webhook subscriptions (its administrators, like its API tokens): add one — an https
 * URL (http only for localhost) and which events it wants — and copy its signing secret, shown this once;
 * see them all, pause or resume one, and open the delivery log of one. The server answers for the active
 * membership's organization, so the tab only shows on that organization's page.
 */
import { Badge, Button, Code, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createWebhook,
  pauseWebhook,
  resumeWebhook,
  useWebhookList,
  webhookKeys,
  type CreatedWebhook,
  type WebhookView,
} from '../../api/webhooks.ts';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { describeError } from '../../components/describe-error.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ListTable } from '../../components/list-table.tsx';
import { notifyError, notifySuccess } from '../../components/notify.ts';
import { SecretOnce } from '../../components/secret-once.tsx';
import { useFormatDateTime } from '../../components/use-format.ts';
import { WebhookDeliveryLog } from './webhook-delivery-log.tsx';
import { eventsError, parseEvents, urlError } from './webhook-labels.ts';

export function OrganizationWebhooksTab() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const when = useFormatDateTime();
  const webhooks = useWebhookList();
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [logOf, setLogOf] = useState<string | null>(null);
  const toggle = useMutation({
    mutationFn: (hook: WebhookView) => (hook.active ? pauseWebhook(hook.id) : resumeWebhook(hook.id)),
    onSuccess: async (updated) => {
      notifySuccess(t(updated.active ? 'admin.webhooks.resumed' : 'admin.webhooks.paused'));
      await client.invalidateQueries({ queryKey: webhookKeys.all });
    },
    onError: (error) => notifyError(describeError(error, t)),
  });
  const shown = webhooks.data?.find((w) => w.id === logOf);

  return (
    <Stack>
      <Text size="sm">{t('admin.webhooks.intro')}</Text>
      {created ? (
        <SecretOnce
          label={t('admin.webhooks.secretLabel', { url: created.url })}
          value={created.secret}
          title={t('admin.webhooks.secretTitle')}
          warning={t('admin.webhooks.secretWarning')}
          doneLabel={t('admin.webhooks.secretSaved')}
          onDone={() => setCreated(null)}
        />
      ) : null}
      <CreateWebhookForm onCreated={setCreated} />
      <Title order={2} size="h4">
        {t('admin.webhooks.table')}
      </Title>
      <ErrorAlert error={webhooks.error} />
      <ListTable<WebhookView>
        label={t('admin.webhooks.table')}
        records={webhooks.data}
        fetching={webhooks.isFetching}
        idAccessor="id"
        emptyText={t('admin.webhooks.none')}
        columns={[
          {
            accessor: 'url',
            title: t('admin.webhooks.url'),
            render: (w) => <Code style={{ wordBreak: 'break-all' }}>{w.url}</Code>,
          },
          {
            accessor: 'events',
            title: t('admin.webhooks.eventsColumn'),
            render: (w) => (w.events.length ? w.events.join(', ') : t('admin.webhooks.allEvents')),
          },
          {
            accessor: 'createdAt',
            title: t('admin.webhooks.createdColumn'),
            render: (w) => when(w.createdAt),
          },
          {
            accessor: 'active',
            title: t('common.status'),
            noWrap: true,
            render: (w) => (
              <Badge
                color={w.active ? 'teal' : 'gray'}
                variant="outline"
                tt="none"
                data-testid="webhook-state"
              >
                {w.active ? t('admin.webhooks.state.active') : t('admin.webhooks.state.paused')}
              </Badge>
            ),
          },
          {
            accessor: 'actions',
            title: t('common.actions'),
            render: (w) => (
              <Group gap="xs" wrap="nowrap">
                <Button
                  size="xs"
                  variant={logOf === w.id ? 'filled' : 'light'}
                  aria-label={t('admin.webhooks.showLogFor', { url: w.url })}
                  aria-pressed={logOf === w.id}
                  onClick={() => setLogOf(logOf === w.id ? null : w.id)}
                >
                  {t('admin.webhooks.showLog')}
                </Button>
                {w.active ? (
                  <ConfirmButton
                    label={t('admin.webhooks.pause')}
                    ariaLabel={t('admin.webhooks.pauseNamed', { url: w.url })}
                    title={t('admin.webhooks.pauseTitle')}
                    message={t('admin.webhooks.pauseMessage', { url: w.url })}
                    confirmLabel={t('admin.webhooks.pause')}
                    loading={toggle.isPending && toggle.variables?.id === w.id}
                    onConfirm={() => toggle.mutate(w)}
                  />
                ) : (
                  <Button
                    size="xs"
                    variant="light"
                    aria-label={t('admin.webhooks.resumeNamed', { url: w.url })}
                    loading={toggle.isPending && toggle.variables?.id === w.id}
                    onClick={() => toggle.mutate(w)}
                  >
                    {t('admin.webhooks.resume')}
                  </Button>
                )}
              </Group>
            ),
          },
        ]}
      />
      {shown ? <WebhookDeliveryLog key={shown.id} webhook={shown} onClose={() => setLogOf(null)} /> : null}
    </Stack>
  );
}

function CreateWebhookForm({ onCreated }: { onCreated: (created: CreatedWebhook) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState('');
  const create = useMutation({
    mutationFn: (input: { url: string; events: string[] }) => createWebhook(input),
    onSuccess: async (hook) => {
      onCreated(hook);
      setUrl('');
      setEvents('');
      notifySuccess(t('admin.webhooks.created'));
      await client.invalidateQueries({ queryKey: webhookKeys.list });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    create.mutate({ url: url.trim(), events: parseEvents(events) });
  };
  const urlProblem = urlError(create.error, t);
  const eventsProblem = eventsError(create.error, create.variables?.events ?? [], t);
  return (
    <form onSubmit={submit} noValidate aria-label={t('admin.webhooks.create')}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('admin.webhooks.create')}
        </Title>
        {urlProblem || eventsProblem ? null : <ErrorAlert error={create.error} />}
        <TextInput
          label={t('admin.webhooks.url')}
          description={t('admin.webhooks.urlHint')}
          placeholder="https://"
          type="url"
          required
          value={url}
          error={urlProblem}
          onChange={(e) => setUrl(e.currentTarget.value)}
        />
        <TextInput
          label={t('admin.webhooks.events')}
          description={t('admin.webhooks.eventsHint')}
          value={events}
          error={eventsProblem}
          onChange={(e) => setEvents(e.currentTarget.value)}
        />
        <Button type="submit" loading={create.isPending} disabled={!url.trim()} w="fit-content">
          {t('admin.webhooks.submit')}
        </Button>
      </Stack>
    </form>
  );
}
