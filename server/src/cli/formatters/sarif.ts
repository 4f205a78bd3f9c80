import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { version } from '../../../../package.json';
import { ruleDocsUrl } from '../../core/rules/rule';
import { RULES } from '../../core/rules/registry';
import type { Severity } from '../../core/model/types';
import type { CheckResult, CliFinding } from '../check';

const SARIF_LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0 as GitHub code scanning accepts it; the rule list comes from the registry. */
export function formatSarif(result: CheckResult): string {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'cc7',
          version,
          informationUri: 'https://github.com/cc7/cc7',
          rules: RULES.map((rule) => ({
            id: rule.id,
            name: rule.id,
            shortDescription: { text: rule.description },
            helpUri: ruleDocsUrl(rule.id),
            defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
            properties: { criteria: rule.criteria },
          })),
        },
      },
      // The checked folder as a file URI ending in `/` (pathToFileURL also gets Windows drives right).
      originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(result.root).href.replace(/\/?$/, '/') } },
      columnKind: 'utf16CodeUnits',
      results: result.findings.map((finding) => ({
        ruleId: finding.rule,
        ruleIndex: ruleIndex.get(finding.rule),
        level: SARIF_LEVEL[finding.severity],
        message: { text: finding.message },
        locations: [location(finding)],
        ...(finding.related?.length
          ? { relatedLocations: finding.related.map((related, id) => ({ id, ...location({ ...related, endLine: related.line, endColumn: related.column }), message: { text: related.message } })) }
          : {}),
      })),
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function location(finding: Pick<CliFinding, 'file' | 'line' | 'column' | 'endLine' | 'endColumn'>): Sarif.Location {
  return {
    physicalLocation: {
      // Each segment escaped on its own: encodeURI would leave `#` and `?` in a file name as they are.
      artifactLocation: { uri: finding.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' },
      region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
    },
  };
}
