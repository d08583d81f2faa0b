/**
 * Find a service: the need form, then the ranked results. Services with conflicts (listed only when
 * the navigator asks) are shown apart, after the services that fit, each with its reasons.
 */
import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchServices } from '../../api/directory.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { MatchResultList } from './match-results.tsx';
import { EMPTY_NEED, NeedForm, needOf, type NeedFormValues } from './need-form.tsx';

export function FindServiceSection() {
  const { t } = useTranslation();
  const [submitted, setSubmitted] = useState<NeedFormValues | null>(null);
  const need = submitted ? needOf(submitted) : undefined;
  const match = useQuery({
    queryKey: ['directory', 'match', need],
    queryFn: () => matchServices(need ?? {}),
    enabled: need !== undefined,
  });
  const items = match.data?.items ?? [];
  const fitting = items.filter((item) => item.conflicts.length === 0);
  const conflicting = items.filter((item) => item.conflicts.length > 0);

  return (
    <Stack>
      <SectionCard title={t('directory.find.formTitle')}>
        <NeedForm initial={submitted ?? EMPTY_NEED} onSearch={setSubmitted} searching={match.isFetching} />
      </SectionCard>
      <SectionCard title={t('directory.find.resultsTitle')}>
        <Stack gap="sm" aria-live="polite" aria-busy={match.isFetching}>
          <ErrorAlert error={match.error} />
          {!need ? <Text size="sm">{t('directory.find.before')}</Text> : null}
          {match.data ? (
            <>
              <Text size="sm" fw={600} data-testid="match-summary">
                {t('directory.find.resultsCount', { count: fitting.length })}{' '}
                <Text span size="sm" fw={400}>
                  {t('directory.find.considered', { count: match.data.considered })}
                </Text>
              </Text>
              {fitting.length === 0 ? <Text size="sm">{t('directory.find.noResults')}</Text> : null}
              <MatchResultList items={fitting} label={t('directory.find.resultsTitle')} />
            </>
          ) : null}
        </Stack>
      </SectionCard>
      {match.data && submitted?.includeConflicts ? (
        <SectionCard title={t('directory.find.conflictsTitle')}>
          <Stack gap="sm">
            <Text size="sm">{t('directory.find.conflictsCount', { count: conflicting.length })}</Text>
            <MatchResultList items={conflicting} label={t('directory.find.conflictsTitle')} />
          </Stack>
        </SectionCard>
      ) : null}
    </Stack>
  );
}
