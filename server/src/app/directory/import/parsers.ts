/** The parser of each import format. */
import { AppError } from '../../../lib/errors.ts';
import type { DatasetParser, ImportFormat } from './dataset.ts';
import { parseServicesCsv } from './services-csv.ts';

const PARSERS: Partial<Record<ImportFormat, DatasetParser>> = {
  'services-csv': parseServicesCsv,
};

export function parserFor(format: ImportFormat): DatasetParser {
  const parser = PARSERS[format];
  if (!parser) throw new AppError('validation', `Import format ${format} is not available`);
  return parser;
}
