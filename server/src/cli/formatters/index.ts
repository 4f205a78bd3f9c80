import type { CheckResult } from '../check';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

export const FORMATTERS: Record<string, (result: CheckResult) => string> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
};
