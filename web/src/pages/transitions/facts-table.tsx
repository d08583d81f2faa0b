/** A labelled two-column table of facts (term, value), as the patient page shows demographics. */
import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

export function FactsTable({ label, rows }: { label: string; rows: [string, ReactNode][] }) {
  return (
    <Table variant="vertical" withTableBorder aria-label={label}>
      <Table.Tbody>
        {rows.map(([term, value]) => (
          <Table.Tr key={term}>
            <Table.Th scope="row" w={240}>
              {term}
            </Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
