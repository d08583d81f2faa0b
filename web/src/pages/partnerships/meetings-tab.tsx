/**
 * Meetings of the two partners: date, attendees, notes and action items (owner, due date), with
 * overdue items highlighted and a checkbox to mark each done; a form records a meeting with its items.
 */
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../api/api-error.ts';
import {
  addMeeting,
  setActionItemDone,
  type ActionItem,
  type Meeting,
  type MeetingInput,
  type Partnership,
} from '../../api/partnerships.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { orNull, todayIso, usePartnershipLabels, useSides } from './partnership-labels.ts';
import { usePeopleOfOwnSide } from './use-people.ts';
import { useWorkspaceWrite } from './use-workspace.ts';

export function MeetingsTab({ partnership: p, canManage }: { partnership: Partnership; canManage: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack>
      {p.meetings.length === 0 ? <Text>{t('partnerships.meetings.none')}</Text> : null}
      {p.meetings.map((m) => (
        <MeetingCard key={m.id} partnership={p} meeting={m} canManage={canManage} />
      ))}
      {canManage ? <MeetingForm partnership={p} /> : null}
    </Stack>
  );
}

function MeetingCard({
  partnership: p,
  meeting: m,
  canManage,
}: {
  partnership: Partnership;
  meeting: Meeting;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  const id = useId();
  const toggle = useWorkspaceWrite(
    p.id,
    ({ item, done }: { item: ActionItem; done: boolean }) => setActionItemDone(p.id, item.id, done),
    t('partnerships.meetings.updated'),
  );
  return (
    <Card withBorder component="article" aria-labelledby={id} padding="lg" data-testid="meeting">
      <Group justify="space-between" align="baseline" mb="xs">
        <Title order={2} size="h4" id={id}>
          {m.title}
        </Title>
        <Text size="sm">{labels.day(m.heldOn)}</Text>
      </Group>
      <Text size="sm">
        <Text span fw={600}>
          {t('partnerships.meetings.attendees')}:
        </Text>{' '}
        {m.attendees.join(', ')}
      </Text>
      {m.notes ? (
        <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
          {m.notes}
        </Text>
      ) : null}
      <Title order={3} size="h5" mt="md" mb="xs">
        {t('partnerships.meetings.actionItems')}
      </Title>
      {m.actionItems.length === 0 ? (
        <Text size="sm">{t('partnerships.meetings.noActionItems')}</Text>
      ) : (
        <Stack
          component="ul"
          gap="xs"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('partnerships.meetings.actionItemsLabel', { title: m.title })}
        >
          {m.actionItems.map((item) => {
            // Shows the click at once; the server's answer then replaces the whole view.
            const pending = toggle.isPending && toggle.variables.item.id === item.id;
            const checked = pending ? toggle.variables.done : item.done;
            return (
              <li key={item.id} data-testid="action-item" data-overdue={item.overdue}>
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <Checkbox
                    mt={2}
                    checked={checked}
                    disabled={!canManage || toggle.isPending}
                    aria-label={
                      item.done
                        ? t('partnerships.meetings.markOpen', { description: item.description })
                        : t('partnerships.meetings.markDone', { description: item.description })
                    }
                    onChange={(e) => toggle.mutate({ item, done: e.currentTarget.checked })}
                  />
                  <Stack gap={2}>
                    <Text size="sm" td={item.done ? 'line-through' : undefined}>
                      {item.description}
                    </Text>
                    <Group gap="xs">
                      <Text size="xs">
                        {t('partnerships.meetings.owner')}:{' '}
                        {item.ownerName ?? t('partnerships.meetings.nobody')}
                      </Text>
                      <Text size="xs">
                        {t('partnerships.meetings.dueOn')}:{' '}
                        {item.dueOn ? labels.day(item.dueOn) : t('partnerships.meetings.noDueDate')}
                      </Text>
                      {item.done ? (
                        <Badge color="teal" variant="light" tt="none" size="sm">
                          {t('partnerships.meetings.done')}
                        </Badge>
                      ) : item.overdue ? (
                        <Badge color="red" variant="filled" tt="none" size="sm">
                          {t('partnerships.meetings.overdue')}
                        </Badge>
                      ) : (
                        <Badge color="gray" variant="light" tt="none" size="sm">
                          {t('partnerships.meetings.open')}
                        </Badge>
                      )}
                    </Group>
                  </Stack>
                </Group>
              </li>
            );
          })}
        </Stack>
      )}
      <ErrorAlert error={toggle.error} />
    </Card>
  );
}

interface ItemDraft {
  key: number;
  description: string;
  ownerUserId: string;
  dueOn: string;
}

let nextKey = 1;
const emptyItem = (): ItemDraft => ({ key: nextKey++, description: '', ownerUserId: '', dueOn: '' });

function MeetingForm({ partnership: p }: { partnership: Partnership }) {
  const { t } = useTranslation();
  const { own } = useSides(p);
  const { people } = usePeopleOfOwnSide(own?.id);
  const [heldOn, setHeldOn] = useState(todayIso());
  const [title, setTitle] = useState('');
  const [attendees, setAttendees] = useState('');
  const [notes, setNotes] = useState('');
  const [items, setItems] = useState<ItemDraft[]>([]);
  const reset = () => {
    setTitle('');
    setAttendees('');
    setNotes('');
    setItems([]);
  };
  const add = useWorkspaceWrite(
    p.id,
    (input: MeetingInput) => addMeeting(p.id, input),
    t('partnerships.meetings.added'),
    reset,
  );
  const names = attendees
    .split('\n')
    .map((n) => n.trim())
    .filter(Boolean);
  const update = (key: number, change: Partial<ItemDraft>) =>
    setItems((list) => list.map((i) => (i.key === key ? { ...i, ...change } : i)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim() || names.length === 0) return;
    add.mutate({
      heldOn,
      title: title.trim(),
      attendees: names,
      notes: orNull(notes),
      actionItems: items
        .filter((i) => i.description.trim())
        .map((i) => ({
          description: i.description.trim(),
          ownerUserId: i.ownerUserId || null,
          dueOn: i.dueOn || null,
        })),
    });
  };
  return (
    <SectionCard title={t('partnerships.meetings.add')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label={t('partnerships.meetings.heldOn')}
              required
              value={heldOn}
              onChange={(e) => setHeldOn(e.currentTarget.value)}
              error={fieldError(add.error, 'heldOn')}
            />
            <TextInput
              label={t('partnerships.meetings.title')}
              required
              maxLength={200}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={fieldError(add.error, 'title')}
            />
          </SimpleGrid>
          <Textarea
            label={t('partnerships.meetings.attendees')}
            description={t('partnerships.meetings.attendeesHint')}
            required
            autosize
            minRows={2}
            value={attendees}
            onChange={(e) => setAttendees(e.currentTarget.value)}
            error={fieldError(add.error, 'attendees')}
          />
          <Textarea
            label={t('partnerships.meetings.notes')}
            autosize
            minRows={2}
            maxLength={10_000}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
          />
          {items.map((item, index) => (
            <Fieldset key={item.key} legend={t('partnerships.meetings.itemNumber', { number: index + 1 })}>
              <Stack gap="xs">
                <TextInput
                  label={t('partnerships.meetings.description')}
                  maxLength={500}
                  value={item.description}
                  onChange={(e) => update(item.key, { description: e.currentTarget.value })}
                />
                <Group align="flex-end" wrap="wrap">
                  <NativeSelect
                    label={t('partnerships.meetings.ownerOptional')}
                    value={item.ownerUserId}
                    onChange={(e) => update(item.key, { ownerUserId: e.currentTarget.value })}
                    data={[
                      { value: '', label: t('partnerships.meetings.nobody') },
                      ...people.map((person) => ({ value: person.userId, label: person.name })),
                    ]}
                  />
                  <TextInput
                    type="date"
                    label={t('partnerships.meetings.dueOnOptional')}
                    value={item.dueOn}
                    onChange={(e) => update(item.key, { dueOn: e.currentTarget.value })}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={t('partnerships.meetings.removeItem', { number: index + 1 })}
                    onClick={() => setItems((list) => list.filter((i) => i.key !== item.key))}
                  >
                    ×
                  </ActionIcon>
                </Group>
              </Stack>
            </Fieldset>
          ))}
          <div>
            <Button
              variant="light"
              onClick={() => setItems((list) => [...list, emptyItem()])}
              disabled={items.length >= 50}
            >
              {t('partnerships.meetings.addItem')}
            </Button>
          </div>
          <ErrorAlert error={add.error} />
          <div>
            <Button
              type="submit"
              loading={add.isPending}
              disabled={!title.trim() || names.length === 0 || !heldOn}
            >
              {t('partnerships.meetings.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </SectionCard>
  );
}
