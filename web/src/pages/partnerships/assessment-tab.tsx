/**
 * The quarterly self-assessment: six statements each side rates from 1 (not at all) to 5 (fully) —
 * the active organization answers for its own side — and both sides' scores over time.
 */
import { Alert, Button, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ASSESSMENT_ITEMS,
  submitAssessment,
  type AssessmentInput,
  type AssessmentItem,
  type Partnership,
  type PartyOrganization,
} from '../../api/partnerships.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { currentQuarter, orNull, usePartnershipLabels, useSides } from './partnership-labels.ts';
import { SimpleTable } from './simple-table.tsx';
import { useWorkspaceWrite } from './use-workspace.ts';

const SCALE = [1, 2, 3, 4, 5] as const;

export function AssessmentTab({
  partnership: p,
  canManage,
}: {
  partnership: Partnership;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  const { own } = useSides(p);
  const quarter = currentQuarter();
  const quarters = [...new Set(p.assessments.map((a) => a.quarter))].sort().reverse();
  const scoreOf = (organizationId: string, q: string) => {
    const found = p.assessments.find((a) => a.organizationId === organizationId && a.quarter === q);
    return found ? labels.number(found.score) : '—';
  };
  const mine = own
    ? p.assessments.find((a) => a.organizationId === own.id && a.quarter === quarter)
    : undefined;
  return (
    <Stack>
      {own ? (
        <SectionCard title={t('partnerships.assessment.heading', { quarter })}>
          <Stack>
            {mine ? (
              <Alert color="teal" variant="light" data-testid="own-assessment-score">
                {t('partnerships.assessment.yourScore', {
                  name: own.name,
                  quarter,
                  score: labels.number(mine.score),
                })}
              </Alert>
            ) : (
              <Text size="sm">{t('partnerships.assessment.notAnswered', { name: own.name, quarter })}</Text>
            )}
            {canManage ? <AssessmentForm key={mine?.id ?? 'new'} partnership={p} side={own} /> : null}
          </Stack>
        </SectionCard>
      ) : null}
      <Title order={2} size="h4">
        {t('partnerships.assessment.history')}
      </Title>
      {quarters.length ? (
        <SimpleTable
          label={t('partnerships.assessment.historyLabel')}
          head={[t('partnerships.assessment.quarter'), p.hospital.name, p.cbo.name]}
          rows={quarters.map((q) => [q, scoreOf(p.hospital.id, q), scoreOf(p.cbo.id, q)])}
        />
      ) : (
        <Text size="sm">{t('partnerships.assessment.none')}</Text>
      )}
    </Stack>
  );
}

function AssessmentForm({ partnership: p, side }: { partnership: Partnership; side: PartyOrganization }) {
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  const quarter = currentQuarter();
  const previous = p.assessments.find((a) => a.organizationId === side.id && a.quarter === quarter);
  const [answers, setAnswers] = useState<Partial<Record<AssessmentItem, number>>>(previous?.answers ?? {});
  const [comment, setComment] = useState(previous?.comment ?? '');
  const [missing, setMissing] = useState(false);
  const submit = useWorkspaceWrite(
    p.id,
    (input: AssessmentInput) => submitAssessment(p.id, input),
    (view) => {
      const latest = view.assessments
        .filter((a) => a.organizationId === side.id)
        .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))[0];
      return t('partnerships.assessment.submitted', { score: latest ? labels.number(latest.score) : '—' });
    },
  );
  const complete = ASSESSMENT_ITEMS.every((item) => answers[item] !== undefined);
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!complete) return setMissing(true);
    setMissing(false);
    submit.mutate({
      answers: Object.fromEntries(ASSESSMENT_ITEMS.map((item) => [item, answers[item] ?? 1])) as Record<
        AssessmentItem,
        number
      >,
      comment: orNull(comment),
    });
  };
  return (
    <form onSubmit={send} noValidate>
      <Stack>
        <Text size="sm">{t('partnerships.assessment.intro', { name: side.name })}</Text>
        {ASSESSMENT_ITEMS.map((item) => (
          <Radio.Group
            key={item}
            name={`assessment-${item}`}
            label={labels.assessmentItem(item)}
            description={t('partnerships.assessment.scale')}
            required
            value={answers[item] === undefined ? null : String(answers[item])}
            onChange={(value) => setAnswers((a) => ({ ...a, [item]: Number(value) }))}
            error={missing && answers[item] === undefined ? t('partnerships.assessment.missing') : undefined}
            styles={{ root: { '--mantine-color-error': 'var(--mantine-color-red-9)' } }}
          >
            <Group mt="xs" gap="lg">
              {SCALE.map((n) => (
                <Radio key={n} value={String(n)} label={String(n)} />
              ))}
            </Group>
          </Radio.Group>
        ))}
        <Textarea
          label={t('partnerships.assessment.comment')}
          autosize
          minRows={2}
          maxLength={2000}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
        />
        <ErrorAlert error={submit.error} />
        <div>
          <Button type="submit" loading={submit.isPending}>
            {t('partnerships.assessment.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
