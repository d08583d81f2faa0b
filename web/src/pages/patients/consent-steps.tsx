/**
 * The first five steps of the consent wizard, in plain language: the kind of consent, who will see the
 * information, what information and why, until when, and the statements the form must carry (§2.31(a)).
 */
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  NativeSelect,
  Paper,
  Radio,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONSENT_PURPOSES,
  CONSENT_TYPES,
  DATA_CATEGORIES,
  TPO_PURPOSES,
  type ConsentPurpose,
  type ConsentType,
  type DataCategory,
} from '../../api/consents.ts';
import type { Organization } from '../../api/types.ts';
import { useLabels } from '../../components/use-labels.ts';
import type { ConsentDraft, ExpiryMode } from './consent-draft.ts';
import { todayIso, usePatientLabels } from './patient-labels.ts';

export interface StepProps {
  draft: ConsentDraft;
  update: (change: Partial<ConsentDraft>) => void;
}

export function TypeStep({ draft, setType }: StepProps & { setType: (type: ConsentType) => void }) {
  const { t } = useTranslation();
  const labels = usePatientLabels();
  return (
    <Radio.Group
      label={t('patients.wizard.type.question')}
      value={draft.type}
      onChange={(value) => setType(value as ConsentType)}
    >
      <Stack gap="sm" mt="sm">
        {CONSENT_TYPES.map((type) => (
          <Radio
            key={type}
            value={type}
            label={labels.consentType(type)}
            description={t(`patients.wizard.type.explain.${type}`)}
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}

export function RecipientsStep({
  draft,
  update,
  organizations,
  ownId,
}: StepProps & { organizations: Organization[]; ownId: string | undefined }) {
  const { t } = useTranslation();
  const vocab = useLabels();
  const [choice, setChoice] = useState('');
  const byId = new Map(organizations.map((o) => [o.id, o]));
  const candidates = organizations
    .filter((o) => o.active && o.id !== ownId && !draft.organizationIds.includes(o.id))
    .sort((a, b) => a.name.localeCompare(b.name));
  const add = () => {
    if (!choice) return;
    update({ organizationIds: [...draft.organizationIds, choice] });
    setChoice('');
  };
  return (
    <Stack>
      <Text size="sm">{t('patients.wizard.recipients.intro')}</Text>
      <Group align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('patients.wizard.recipients.organization')}
          value={choice}
          onChange={(e) => setChoice(e.currentTarget.value)}
          style={{ flex: '1 1 18rem' }}
          data={[
            { value: '', label: t('patients.wizard.recipients.choose') },
            ...candidates.map((o) => ({ value: o.id, label: o.name })),
          ]}
        />
        <Button variant="default" onClick={add} disabled={!choice}>
          {t('patients.wizard.recipients.add')}
        </Button>
      </Group>
      {draft.organizationIds.length ? (
        <List
          spacing="xs"
          aria-label={t('patients.wizard.recipients.chosen')}
          data-testid="chosen-recipients"
        >
          {draft.organizationIds.map((id) => {
            const org = byId.get(id);
            const name = org?.name ?? id;
            return (
              <List.Item key={id}>
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" fw={600}>
                    {name}
                  </Text>
                  {org ? (
                    <Badge variant="outline" color="gray" tt="none">
                      {vocab.part2Status(org.part2LegalStatus)}
                    </Badge>
                  ) : null}
                  <Button
                    variant="subtle"
                    color="red"
                    size="compact-xs"
                    aria-label={t('patients.wizard.recipients.removeNamed', { name })}
                    onClick={() => update({ organizationIds: draft.organizationIds.filter((o) => o !== id) })}
                  >
                    {t('patients.wizard.recipients.remove')}
                  </Button>
                </Group>
              </List.Item>
            );
          })}
        </List>
      ) : (
        <Text size="sm" c="dimmed">
          {t('patients.wizard.recipients.noneYet')}
        </Text>
      )}
      <Textarea
        label={t('patients.wizard.recipients.class')}
        description={t('patients.wizard.recipients.classHint')}
        autosize
        minRows={2}
        maxLength={500}
        value={draft.classDescription}
        onChange={(e) => update({ classDescription: e.currentTarget.value })}
      />
      <Switch
        label={t('patients.wizard.recipients.intermediary')}
        description={t('patients.wizard.recipients.intermediaryHint')}
        checked={draft.intermediary}
        onChange={(e) => update({ intermediary: e.currentTarget.checked })}
      />
      {draft.intermediary ? (
        <Textarea
          label={t('patients.wizard.recipients.designation')}
          description={t('patients.wizard.recipients.designationHint')}
          autosize
          minRows={2}
          maxLength={500}
          value={draft.generalDesignation}
          onChange={(e) => update({ generalDesignation: e.currentTarget.value })}
        />
      ) : null}
    </Stack>
  );
}

export function InformationStep({ draft, update }: StepProps) {
  const { t } = useTranslation();
  const labels = usePatientLabels();
  const isTpo = draft.type === 'tpo';
  const notesOnly = draft.type === 'counseling_notes';
  return (
    <Stack>
      <Checkbox.Group
        label={t('patients.wizard.information.categories')}
        value={draft.categories}
        onChange={(value) => update({ categories: value as DataCategory[] })}
      >
        <Stack gap="xs" mt="xs">
          {DATA_CATEGORIES.map((c) => (
            <Checkbox
              key={c}
              value={c}
              label={labels.capital(labels.category(c))}
              description={t(`patients.wizard.information.explain.${c}`)}
              disabled={notesOnly ? c !== 'counseling_notes' : c === 'counseling_notes'}
            />
          ))}
        </Stack>
      </Checkbox.Group>
      <Textarea
        label={t('patients.wizard.information.description')}
        description={t('patients.wizard.information.descriptionHint')}
        autosize
        minRows={2}
        maxLength={2000}
        value={draft.information}
        onChange={(e) => update({ information: e.currentTarget.value, informationEdited: true })}
      />
      <Checkbox.Group
        label={t('patients.wizard.information.purposes')}
        description={isTpo ? t('patients.wizard.information.tpoPurposes') : undefined}
        value={draft.purposes}
        onChange={(value) => update({ purposes: value as ConsentPurpose[] })}
      >
        <Stack gap="xs" mt="xs">
          {CONSENT_PURPOSES.map((p) => (
            <Checkbox
              key={p}
              value={p}
              label={labels.capital(labels.purpose(p))}
              description={t(`patients.wizard.information.explainPurpose.${p}`)}
              disabled={isTpo && !TPO_PURPOSES.includes(p)}
            />
          ))}
        </Stack>
      </Checkbox.Group>
      <Textarea
        label={t('patients.wizard.information.purposeDescription')}
        description={t('patients.wizard.information.purposeDescriptionHint')}
        autosize
        minRows={2}
        maxLength={1000}
        value={draft.purposeDescription}
        onChange={(e) => update({ purposeDescription: e.currentTarget.value, purposeEdited: true })}
      />
    </Stack>
  );
}

export function ExpiryStep({ draft, update }: StepProps) {
  const { t } = useTranslation();
  const isTpo = draft.type === 'tpo';
  return (
    <Stack>
      <Radio.Group
        label={t('patients.wizard.expiry.question')}
        value={draft.expiryMode}
        onChange={(value) => update({ expiryMode: value as ExpiryMode })}
      >
        <Stack gap="sm" mt="sm">
          <Radio value="date" label={t('patients.wizard.expiry.date')} />
          <Radio
            value="event"
            label={t('patients.wizard.expiry.event')}
            description={t('patients.wizard.expiry.eventHint')}
          />
          {isTpo ? (
            <Radio
              value="none"
              label={t('patients.wizard.expiry.none')}
              description={t('patients.wizard.expiry.noneHint')}
            />
          ) : null}
        </Stack>
      </Radio.Group>
      {draft.expiryMode === 'date' ? (
        <TextInput
          type="date"
          label={t('patients.wizard.expiry.lastDay')}
          min={todayIso()}
          value={draft.expiresOn}
          onChange={(e) => update({ expiresOn: e.currentTarget.value })}
        />
      ) : null}
      {draft.expiryMode === 'event' ? (
        <TextInput
          label={t('patients.wizard.expiry.eventLabel')}
          placeholder={t('patients.wizard.expiry.eventPlaceholder')}
          maxLength={300}
          value={draft.expiryEvent}
          onChange={(e) => update({ expiryEvent: e.currentTarget.value })}
        />
      ) : null}
      {!isTpo ? <Text size="sm">{t('patients.wizard.expiry.noNoneForSpecific')}</Text> : null}
    </Stack>
  );
}

function Statement({ text }: { text: string }) {
  return (
    <Paper withBorder p="sm" bg="gray.0">
      <Text size="sm" fs="italic">
        {text}
      </Text>
    </Paper>
  );
}

export function StatementsStep({ draft, update, holderName }: StepProps & { holderName: string }) {
  const { t } = useTranslation();
  const isTpo = draft.type === 'tpo';
  const tpoPurpose = draft.purposes.some((p) => TPO_PURPOSES.includes(p));
  return (
    <Stack>
      <Text size="sm">{t('patients.wizard.statements.intro')}</Text>
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('patients.wizard.statements.revocationTitle')}
        </Text>
        <Statement text={t('patients.wizard.statements.revocationText')} />
        <Checkbox
          label={t('patients.wizard.statements.revocationAck')}
          checked={draft.revocationAcknowledged}
          onChange={(e) => update({ revocationAcknowledged: e.currentTarget.checked })}
        />
        <Textarea
          label={t('patients.wizard.statements.revocationHow')}
          description={t('patients.wizard.statements.revocationHowHint')}
          autosize
          minRows={2}
          maxLength={1000}
          value={draft.revocationHow}
          onChange={(e) => update({ revocationHow: e.currentTarget.value })}
        />
      </Stack>
      {isTpo ? (
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {t('patients.wizard.statements.redisclosureTitle')}
          </Text>
          <Statement text={t('patients.wizard.statements.redisclosureText')} />
          <Checkbox
            label={t('patients.wizard.statements.redisclosureAck')}
            checked={draft.redisclosureStatement}
            onChange={(e) => update({ redisclosureStatement: e.currentTarget.checked })}
          />
          <Textarea
            label={t('patients.wizard.statements.refusal')}
            description={t('patients.wizard.statements.refusalHint')}
            autosize
            minRows={2}
            maxLength={1000}
            value={draft.refusalConsequences}
            onChange={(e) => update({ refusalConsequences: e.currentTarget.value })}
          />
        </Stack>
      ) : null}
      {tpoPurpose ? (
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {t('patients.wizard.statements.hipaaTitle')}
          </Text>
          <Statement text={t('patients.wizard.statements.hipaaText')} />
          <Checkbox
            label={t('patients.wizard.statements.hipaaAck')}
            description={t('patients.wizard.statements.hipaaHint')}
            checked={draft.hipaaRedisclosureStatement}
            onChange={(e) => update({ hipaaRedisclosureStatement: e.currentTarget.checked })}
          />
        </Stack>
      ) : null}
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('patients.wizard.statements.fundraisingTitle')}
        </Text>
        <Switch
          label={t('patients.wizard.statements.fundraises', { org: holderName })}
          checked={draft.programFundraises}
          onChange={(e) => update({ programFundraises: e.currentTarget.checked })}
        />
        {draft.programFundraises ? (
          <>
            <Statement text={t('patients.wizard.statements.fundraisingText', { org: holderName })} />
            <Checkbox
              label={t('patients.wizard.statements.fundraisingAck')}
              checked={draft.fundraisingOptOutStatement}
              onChange={(e) => update({ fundraisingOptOutStatement: e.currentTarget.checked })}
            />
          </>
        ) : null}
      </Stack>
    </Stack>
  );
}

/** The problems the server reported for one step, listed at the top of it. */
export function StepProblems({ problems }: { problems: { field: string; message: string }[] }) {
  const { t } = useTranslation();
  const labels = usePatientLabels();
  if (!problems.length) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={t('patients.wizard.stepProblems')}>
      <List size="sm" data-testid="step-problems">
        {problems.map((p, i) => (
          <List.Item key={`${p.field}-${i}`}>
            {t('patients.wizard.problem', { element: labels.element(p.field), message: p.message })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
