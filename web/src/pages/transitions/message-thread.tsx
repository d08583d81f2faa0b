/**
 * The message thread of a referral, shared by both sides: messages oldest first with author, organization,
 * time, an optional attachment (PDF, PNG or JPEG up to 5 MB) and read receipts ("Read by …"). Showing the
 * thread marks it read up to its latest message; the thread refreshes while it is open.
 */
import { Anchor, Button, Card, FileInput, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../api/api-error.ts';
import {
  ATTACHMENT_TYPES,
  attachmentUrl,
  markMessagesRead,
  MAX_ATTACHMENT_BYTES,
  postMessage,
  referralKeys,
  useMessages,
  type AttachmentType,
  type MessageView,
  type PostMessageInput,
} from '../../api/transitions.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { useTransitionLabels } from './transition-labels.ts';

export function MessageThread({ referralId, canWrite }: { referralId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const thread = useMessages(referralId);
  const messages = thread.data?.messages ?? [];
  const marked = useRef(0);
  const latest = messages.reduce((max, m) => Math.max(max, m.seq), 0);

  useEffect(() => {
    if (latest <= marked.current) return;
    marked.current = latest;
    markMessagesRead(referralId, latest)
      .then(() => client.invalidateQueries({ queryKey: referralKeys.one(referralId) }))
      .catch(() => {
        marked.current = 0; // Try again at the next refresh.
      });
  }, [latest, referralId, client]);

  return (
    <SectionCard title={t('transitions.messages.heading')}>
      <Stack>
        <ErrorAlert error={thread.error} />
        {thread.isSuccess && messages.length === 0 ? <Text>{t('transitions.messages.none')}</Text> : null}
        <Stack gap="xs" data-testid="messages" aria-live="polite">
          {messages.map((m) => (
            <MessageCard key={m.id} referralId={referralId} message={m} />
          ))}
        </Stack>
        {canWrite ? <Composer referralId={referralId} /> : null}
      </Stack>
    </SectionCard>
  );
}

function MessageCard({ referralId, message: m }: { referralId: string; message: MessageView }) {
  const { t } = useTranslation();
  const labels = useTransitionLabels();
  return (
    <Card withBorder padding="sm" component="article" data-testid="message" data-seq={m.seq}>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('transitions.messages.byline', {
            name: m.author.name,
            organization: m.author.organization.name,
            at: labels.dateTime(m.createdAt),
          })}
        </Text>
        {m.body ? (
          <Text size="sm" style={{ whiteSpace: 'pre-line' }} data-testid="message-body">
            {m.body}
          </Text>
        ) : null}
        {m.attachment ? (
          <Anchor size="sm" href={attachmentUrl(referralId, m.id)} target="_blank" rel="noreferrer">
            {t('transitions.messages.attachment', {
              name: m.attachment.fileName,
              size: Math.max(1, Math.round(m.attachment.size / 1024)),
            })}
          </Anchor>
        ) : null}
        <Text size="xs" data-testid="read-receipts">
          {m.readBy.length
            ? t('transitions.messages.readBy', {
                names: m.readBy.map((r) => `${r.name} (${r.organization.name})`).join(', '),
              })
            : t('transitions.messages.unread')}
        </Text>
      </Stack>
    </Card>
  );
}

const readBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'));
    reader.readAsDataURL(file);
  });

function Composer({ referralId }: { referralId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [body, setBody] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const tooBig = !!file && file.size > MAX_ATTACHMENT_BYTES;
  const wrongType = !!file && !ATTACHMENT_TYPES.includes(file.type as AttachmentType);
  const send = useMutation({
    mutationFn: async () => {
      const input: PostMessageInput = { body: body.trim() };
      if (file) {
        input.attachment = {
          fileName: file.name,
          mediaType: file.type as AttachmentType,
          contentBase64: await readBase64(file),
        };
      }
      return postMessage(referralId, input);
    },
    onSuccess: async () => {
      setBody('');
      setFile(null);
      await client.invalidateQueries({ queryKey: referralKeys.messages(referralId) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!send.isPending && (body.trim() || file) && !tooBig && !wrongType) send.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('transitions.messages.write')}>
      <Stack gap="xs">
        <Textarea
          label={t('transitions.messages.body')}
          autosize
          minRows={2}
          maxLength={5000}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={fieldError(send.error, 'body')}
        />
        <FileInput
          label={t('transitions.messages.file')}
          description={t('transitions.messages.fileHint')}
          accept={ATTACHMENT_TYPES.join(',')}
          clearable
          clearButtonProps={{ 'aria-label': t('transitions.messages.removeFile') }}
          value={file}
          onChange={setFile}
          error={
            tooBig
              ? t('transitions.messages.tooBig')
              : wrongType
                ? t('transitions.messages.wrongType')
                : fieldError(send.error, 'attachment')
          }
        />
        <ErrorAlert error={send.error} />
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={send.isPending}
            disabled={(!body.trim() && !file) || tooBig || wrongType}
          >
            {t('transitions.messages.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
