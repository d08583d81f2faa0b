/** A titled card for one section of a page (an `h2` with a labelled region). */
import { Card, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

export function SectionCard({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Card withBorder component="section" aria-labelledby={id} padding="lg">
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}
