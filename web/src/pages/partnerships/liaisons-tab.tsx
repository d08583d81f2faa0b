/**
 * Who stands for each side of the partnership: a primary liaison and backups. Each side names its
 * own people — colleagues when the user may list the organization's members, otherwise themselves.
 */
import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../api/api-error.ts';
import {
  addLiaison,
  LIAISON_ROLES,
  removeLiaison,
  type Liaison,
  type LiaisonInput,
  type LiaisonRole,
  type Partnership,
  type PartyOrganization,
} from '../../api/partnerships.ts';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ListTable } from '../../components/list-table.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { usePartnershipLabels, useSides } from './partnership-labels.ts';
import { usePeopleOfOwnSide } from './use-people.ts';
import { useWorkspaceWrite } from './use-workspace.ts';

export function LiaisonsTab({ partnership: p, canManage }: { partnership: Partnership; canManage: boolean }) {
  const { own } = useSides(p);
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {[p.hospital, p.cbo].map((side) => (
          <SideLiaisons key={side.id} partnership={p} side={side} canManage={canManage} />
        ))}
      </SimpleGrid>
      {canManage && own ? <LiaisonForm partnership={p} side={own} /> : null}
    </Stack>
  );
}

function SideLiaisons({
  partnership: p,
  side,
  canManage,
}: {
  partnership: Partnership;
  side: PartyOrganization;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  const remove = useWorkspaceWrite(
    p.id,
    (liaisonId: string) => removeLiaison(p.id, liaisonId),
    t('partnerships.liaisons.removed'),
  );
  const label = t('partnerships.liaisons.label', { name: side.name });
  const headingId = useId();
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId}>
        {label}
      </Title>
      <ListTable<Liaison>
        label={label}
        records={p.liaisons.filter((l) => l.organizationId === side.id)}
        idAccessor="id"
        emptyText={t('partnerships.liaisons.none')}
        columns={[
          { accessor: 'name', title: t('partnerships.liaisons.name') },
          { accessor: 'email', title: t('partnerships.liaisons.email') },
          {
            accessor: 'role',
            title: t('partnerships.liaisons.role'),
            render: (l) => labels.liaisonRole(l.role),
          },
          ...(canManage
            ? [
                {
                  accessor: 'actions',
                  title: t('common.actions'),
                  render: (l: Liaison) => (
                    <ConfirmButton
                      label={t('partnerships.liaisons.remove')}
                      ariaLabel={t('partnerships.liaisons.removeNamed', { name: l.name })}
                      title={t('partnerships.liaisons.removeTitle')}
                      message={t('partnerships.liaisons.removeMessage', { name: l.name })}
                      confirmLabel={t('partnerships.liaisons.remove')}
                      onConfirm={() => remove.mutate(l.id)}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      <ErrorAlert error={remove.error} />
    </Stack>
  );
}

function LiaisonForm({ partnership: p, side }: { partnership: Partnership; side: PartyOrganization }) {
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  const { people, selfOnly, self } = usePeopleOfOwnSide(side.id);
  const [userId, setUserId] = useState(self.userId);
  const [role, setRole] = useState<LiaisonRole>('primary');
  const add = useWorkspaceWrite(
    p.id,
    (input: LiaisonInput) => addLiaison(p.id, input),
    t('partnerships.liaisons.added'),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (userId) add.mutate({ userId, organizationId: side.id, role });
  };
  return (
    <SectionCard title={t('partnerships.liaisons.add', { name: side.name })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {selfOnly ? <Text size="sm">{t('partnerships.liaisons.selfOnly')}</Text> : null}
          <Text size="sm">{t('partnerships.liaisons.otherSide')}</Text>
          <Group align="flex-end" wrap="wrap">
            <NativeSelect
              label={t('partnerships.liaisons.person')}
              required
              value={userId}
              onChange={(e) => setUserId(e.currentTarget.value)}
              data={people.map((person) => ({ value: person.userId, label: person.name }))}
              error={fieldError(add.error, 'userId')}
            />
            <NativeSelect
              label={t('partnerships.liaisons.role')}
              value={role}
              onChange={(e) => setRole(e.currentTarget.value as LiaisonRole)}
              data={LIAISON_ROLES.map((r) => ({ value: r, label: labels.liaisonRole(r) }))}
            />
            <Button type="submit" loading={add.isPending} disabled={!userId}>
              {t('partnerships.liaisons.submit')}
            </Button>
          </Group>
          <ErrorAlert error={add.error} />
        </Stack>
      </form>
    </SectionCard>
  );
}
