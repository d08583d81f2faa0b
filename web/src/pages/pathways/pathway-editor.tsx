/**
 * The pathway editor of a hospital's program managers and administrators: name, description, the steps
 * (add, remove, move up and down, every field of each) and, for a new pathway, whom it is for — the
 * hospital's default (every transition) or one partnership (its referrals). Saving an existing pathway makes
 * a new version (`If-Match`: a version saved meanwhile by someone else is a 412, reported by the page);
 * tasks already made keep the version they were made from. The server's field errors show beside the field.
 */
import { Alert, Button, Group, NativeSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldError, isApiError } from '../../api/api-error.ts';
import { createPathway, MAX_STEPS, pathwayKeys, savePathway, type PathwayView } from '../../api/followup.ts';
import { listPartnerships } from '../../api/partnerships.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { SectionCard } from '../../components/section-card.tsx';
import { PARTNERSHIP_LIST_KEY } from '../partnerships/partnerships-page.tsx';
import { useFollowupAccess } from '../tasks/followup-labels.ts';
import {
  canAddStep,
  moveStep,
  newStep,
  toInput,
  type PathwayDraft,
  type StepDraft,
} from './pathway-draft.ts';
import { StepFields } from './step-fields.tsx';

/** The message of exactly this field (not of a field under it: `steps` is not `steps.2.role`). */
const exactError = (error: unknown, field: string) =>
  isApiError(error)
    ? error.errors?.find((e) => e.field === field || e.field === `body.${field}`)?.message
    : undefined;

export function PathwayEditor({
  initial,
  pathway,
  onStale,
}: {
  initial: PathwayDraft;
  /** The pathway a new version is saved of; none when creating one. */
  pathway?: PathwayView;
  /** Someone else saved a version first (412): the page reloads and says so. */
  onStale?: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [draft, setDraft] = useState(initial);
  const creating = !pathway;

  const save = useMutation({
    mutationFn: (value: PathwayDraft) =>
      pathway
        ? savePathway(pathway.id, pathway.version, toInput(value))
        : createPathway({
            ...toInput(value),
            ...(value.partnershipId ? { partnershipId: value.partnershipId } : {}),
          }),
    onError: async (error) => {
      if (isApiError(error) && error.status === 412 && pathway) {
        onStale?.();
        await client.invalidateQueries({ queryKey: pathwayKeys.one(pathway.id) });
      }
    },
    onSuccess: async (view) => {
      client.setQueryData(pathwayKeys.one(view.id), view);
      notifySuccess(
        creating
          ? t('followup.editor.created', { name: view.name })
          : t('followup.editor.saved', { name: view.name, version: view.version }),
      );
      await client.invalidateQueries({ queryKey: pathwayKeys.list });
      await navigate(`/pathways/${encodeURIComponent(view.id)}`);
    },
  });

  const setStep = (index: number, step: StepDraft) =>
    setDraft((d) => ({ ...d, steps: d.steps.map((s, i) => (i === index ? step : s)) }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    save.mutate(draft);
  };
  const error = save.error;
  const conflict = isApiError(error) && error.status === 409;
  const stepsError = exactError(error, 'steps');

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={
        creating ? t('followup.editor.newTitle') : t('followup.editor.editTitle', { name: initial.name })
      }
    >
      <Stack>
        <SectionCard title={t('followup.editor.about')}>
          <Stack>
            <TextInput
              label={t('followup.editor.name')}
              required
              maxLength={120}
              value={draft.name}
              onChange={(e) => {
                const name = e.currentTarget.value;
                setDraft((d) => ({ ...d, name }));
              }}
              error={exactError(error, 'name')}
            />
            <Textarea
              label={t('followup.editor.description')}
              autosize
              minRows={2}
              maxLength={2000}
              value={draft.description}
              onChange={(e) => {
                const description = e.currentTarget.value;
                setDraft((d) => ({ ...d, description }));
              }}
              error={exactError(error, 'description')}
            />
            {creating ? (
              <OwnerSelect
                value={draft.partnershipId}
                onChange={(partnershipId) => setDraft((d) => ({ ...d, partnershipId }))}
                error={fieldError(error, 'partnershipId')}
              />
            ) : null}
          </Stack>
        </SectionCard>
        <SectionCard title={t('followup.editor.steps')}>
          <Stack>
            <Text size="sm">{t('followup.editor.stepsIntro')}</Text>
            {draft.steps.map((step, index) => (
              <StepFields
                key={step.uid}
                step={step}
                index={index}
                count={draft.steps.length}
                error={error}
                onChange={(next) => setStep(index, next)}
                onMove={(by) => setDraft((d) => ({ ...d, steps: moveStep(d.steps, index, by) }))}
                onRemove={() => setDraft((d) => ({ ...d, steps: d.steps.filter((_, i) => i !== index) }))}
              />
            ))}
            {stepsError ? (
              <Text c="var(--mantine-color-error)" size="sm" role="alert">
                {stepsError}
              </Text>
            ) : null}
            <Group>
              <Button
                variant="default"
                disabled={!canAddStep(draft)}
                onClick={() => setDraft((d) => ({ ...d, steps: [...d.steps, newStep(d.steps)] }))}
              >
                {t('followup.editor.addStep')}
              </Button>
              {canAddStep(draft) ? null : (
                <Text size="sm">{t('followup.editor.maxSteps', { count: MAX_STEPS })}</Text>
              )}
            </Group>
          </Stack>
        </SectionCard>
        {conflict ? (
          <Alert color="orange" variant="light" role="alert" title={t('followup.editor.conflictTitle')}>
            {t('followup.editor.conflictBody')}
          </Alert>
        ) : isApiError(error) && error.status === 412 ? null : (
          <ErrorAlert error={error} />
        )}
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() =>
              void navigate(pathway ? `/pathways/${encodeURIComponent(pathway.id)}` : '/pathways')
            }
          >
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {creating ? t('followup.editor.create') : t('followup.editor.saveVersion')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Whom a new pathway is for: the hospital's default, or one of its partnerships (not ended). */
function OwnerSelect({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const access = useFollowupAccess();
  const partnerships = useQuery({ queryKey: PARTNERSHIP_LIST_KEY, queryFn: listPartnerships });
  const choices = (partnerships.data?.items ?? [])
    .filter((p) => p.status !== 'ended')
    .map((p) => ({
      value: p.id,
      label: t('followup.editor.forPartnership', {
        name: p.hospital.id === access.organizationId ? p.cbo.name : p.hospital.name,
      }),
    }));
  return (
    <Stack gap="xs">
      <NativeSelect
        label={t('followup.editor.owner')}
        description={t('followup.editor.ownerHint')}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={error}
        data={[{ value: '', label: t('followup.editor.hospitalDefault') }, ...choices]}
      />
      <ErrorAlert error={partnerships.error} />
    </Stack>
  );
}
