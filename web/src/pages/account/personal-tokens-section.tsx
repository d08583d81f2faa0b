/** Personal API tokens: list, create (the token is shown once) and revoke. */
import { Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../api/api-error.ts';
import { createToken, listTokens, revokeToken } from '../../api/tokens.ts';
import type { CreatedToken } from '../../api/types.ts';
import { describeError } from '../../components/describe-error.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { SecretOnce } from '../../components/secret-once.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { TokenTable } from '../../components/token-table.tsx';
import { notifyError, notifySuccess } from '../../components/notify.ts';

const KEY = ['tokens', 'own'] as const;

export function PersonalTokensSection() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const tokens = useQuery({ queryKey: KEY, queryFn: listTokens });
  const [name, setName] = useState('');
  const [days, setDays] = useState<number | string>(90);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const create = useMutation({
    mutationFn: () => createToken({ name: name.trim(), expiresInDays: Number(days) }),
    onSuccess: async (token) => {
      setCreated(token);
      setName('');
      await client.invalidateQueries({ queryKey: KEY });
    },
  });
  const revoke = useMutation({
    mutationFn: revokeToken,
    onSuccess: async () => {
      notifySuccess(t('tokens.revoked'));
      await client.invalidateQueries({ queryKey: KEY });
    },
    onError: (error) => notifyError(describeError(error, t)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <SectionCard title={t('tokens.personalTitle')}>
      <Stack>
        <Text size="sm">{t('tokens.personalIntro')}</Text>
        {created ? (
          <SecretOnce
            label={t('tokens.newToken', { name: created.name })}
            value={created.token}
            onDone={() => setCreated(null)}
          />
        ) : null}
        <form onSubmit={submit} noValidate aria-label={t('tokens.create')}>
          <Stack gap="sm">
            <ErrorAlert error={create.error} />
            <Group align="flex-start">
              <TextInput
                label={t('tokens.name')}
                required
                value={name}
                error={fieldError(create.error, 'name')}
                onChange={(e) => setName(e.currentTarget.value)}
              />
              <NumberInput
                label={t('tokens.expiresInDays')}
                min={1}
                max={365}
                required
                value={days}
                error={fieldError(create.error, 'expiresInDays')}
                onChange={setDays}
              />
            </Group>
            <Button type="submit" loading={create.isPending} w="fit-content">
              {t('tokens.create')}
            </Button>
          </Stack>
        </form>
        <ErrorAlert error={tokens.error} />
        <TokenTable
          label={t('tokens.personalTitle')}
          tokens={tokens.data?.items}
          fetching={tokens.isFetching}
          onRevoke={(token) => revoke.mutate(token.id)}
        />
      </Stack>
    </SectionCard>
  );
}
