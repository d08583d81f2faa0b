/**
 * The fields of one pathway step in the editor, in a fieldset named after its place ("Step 2"): title and
 * key, the side and role that own it, what completing it records, when it is due (an amount and unit, before
 * or after an anchor) and how long it may take; buttons move it up or down or remove it. The server's
 * errors show beside the field they name (`steps.2.role`).
 */
import {
  Button,
  Card,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../api/api-error.ts';
import {
  ANCHORS,
  RECORDS,
  SIDES,
  type Anchor,
  type PathwaySide,
  type StepRecord,
} from '../../api/followup.ts';
import {
  DURATION_UNITS,
  UNIT_MINUTES,
  useFollowupLabels,
  type DurationUnit,
} from '../tasks/followup-labels.ts';
import {
  DIRECTIONS,
  rolesFor,
  withSide,
  type Direction,
  type StepDraft,
  type StepRole,
} from './pathway-draft.ts';

export function StepFields({
  step,
  index,
  count,
  error,
  onChange,
  onMove,
  onRemove,
}: {
  step: StepDraft;
  index: number;
  count: number;
  /** The last save's error, for the messages naming this step's fields. */
  error: unknown;
  onChange: (step: StepDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const labels = useFollowupLabels();
  const number = index + 1;
  const errorOf = (field: string) => fieldError(error, `steps.${index}.${field}`);
  const roles = rolesFor(step.side);
  const roleChoices = roles.includes(step.role) ? roles : [step.role, ...roles];
  const units = DURATION_UNITS.map((u) => ({ value: u, label: t(`followup.editor.units.${u}`) }));
  const legend = t('followup.editor.stepNumber', { number });
  const offset = (step.offset === '' ? 0 : step.offset) * UNIT_MINUTES[step.offsetUnit];
  const sentence = labels.step({
    ...step,
    title: step.title.trim() || t('followup.editor.untitled'),
    offsetMinutes: step.direction === 'before' ? -offset : offset,
    deadlineMinutes: (step.deadline === '' ? 0 : step.deadline) * UNIT_MINUTES[step.deadlineUnit],
  });

  return (
    <Card
      withBorder
      component="fieldset"
      padding="md"
      data-testid="step-fields"
      style={{ minInlineSize: 0, margin: 0 }}
    >
      <Text component="legend" fw={700} px={4}>
        {legend}
      </Text>
      <Stack gap="sm">
        <Group justify="flex-end" gap="xs">
          <Button
            size="compact-sm"
            variant="default"
            disabled={index === 0}
            onClick={() => onMove(-1)}
            aria-label={t('followup.editor.moveUp', { number })}
          >
            {t('followup.editor.up')}
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            disabled={index === count - 1}
            onClick={() => onMove(1)}
            aria-label={t('followup.editor.moveDown', { number })}
          >
            {t('followup.editor.down')}
          </Button>
          <Button
            size="compact-sm"
            variant="light"
            color="red"
            disabled={count <= 1}
            onClick={onRemove}
            aria-label={t('followup.editor.remove', { number })}
          >
            {t('followup.editor.removeShort')}
          </Button>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('followup.editor.title')}
            required
            maxLength={120}
            value={step.title}
            onChange={(e) => onChange({ ...step, title: e.currentTarget.value })}
            error={errorOf('title')}
            style={{ gridColumn: 'span 2' }}
          />
          <TextInput
            label={t('followup.editor.key')}
            description={t('followup.editor.keyHint')}
            required
            maxLength={40}
            value={step.key}
            onChange={(e) => onChange({ ...step, key: e.currentTarget.value })}
            error={errorOf('key')}
          />
          <NativeSelect
            label={t('followup.editor.side')}
            value={step.side}
            onChange={(e) => onChange(withSide(step, e.currentTarget.value as PathwaySide))}
            error={errorOf('side')}
            data={SIDES.map((s) => ({ value: s, label: labels.side(s) }))}
          />
          <NativeSelect
            label={t('followup.editor.role')}
            value={step.role}
            onChange={(e) => onChange({ ...step, role: e.currentTarget.value as StepRole })}
            error={errorOf('role')}
            data={roleChoices.map((r) => ({ value: r, label: labels.role(r) }))}
          />
          <NativeSelect
            label={t('followup.editor.records')}
            value={step.records}
            onChange={(e) => onChange({ ...step, records: e.currentTarget.value as StepRecord })}
            error={errorOf('records')}
            data={RECORDS.map((r) => ({ value: r, label: t(`followup.editor.recordsChoice.${r}`) }))}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <NumberInput
            label={t('followup.editor.offset')}
            min={0}
            allowNegative={false}
            allowDecimal={false}
            value={step.offset}
            onChange={(value) => onChange({ ...step, offset: typeof value === 'number' ? value : '' })}
            error={errorOf('offsetMinutes')}
          />
          <NativeSelect
            label={t('followup.editor.offsetUnit')}
            value={step.offsetUnit}
            onChange={(e) => onChange({ ...step, offsetUnit: e.currentTarget.value as DurationUnit })}
            data={units}
          />
          <NativeSelect
            label={t('followup.editor.direction')}
            value={step.direction}
            onChange={(e) => onChange({ ...step, direction: e.currentTarget.value as Direction })}
            data={DIRECTIONS.map((d) => ({ value: d, label: t(`followup.editor.directions.${d}`) }))}
          />
          <NativeSelect
            label={t('followup.editor.anchor')}
            value={step.anchor}
            onChange={(e) => onChange({ ...step, anchor: e.currentTarget.value as Anchor })}
            error={errorOf('anchor')}
            data={ANCHORS.map((a) => ({ value: a, label: labels.anchor(a) }))}
          />
          <NumberInput
            label={t('followup.editor.deadline')}
            description={t('followup.editor.deadlineHint')}
            min={0}
            allowNegative={false}
            allowDecimal={false}
            value={step.deadline}
            onChange={(value) => onChange({ ...step, deadline: typeof value === 'number' ? value : '' })}
            error={errorOf('deadlineMinutes')}
          />
          <NativeSelect
            label={t('followup.editor.deadlineUnit')}
            description={'\u00a0'}
            value={step.deadlineUnit}
            onChange={(e) => onChange({ ...step, deadlineUnit: e.currentTarget.value as DurationUnit })}
            data={units}
          />
        </SimpleGrid>
        <Text size="sm" c="dimmed" data-testid="step-preview">
          {sentence}
        </Text>
      </Stack>
    </Card>
  );
}
