import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { ruleDocsUrl } from '../rules/rule';
import type { Finding, Severity } from '../model/types';

/** The one place severity words become LSP numbers (LSP Error = 1; VS Code's own enum differs). */
const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toDiagnostic(finding: Finding): Diagnostic {
  return {
    range: finding.range,
    severity: LSP_SEVERITY[finding.severity],
    source: 'cc7',
    code: finding.rule,
    codeDescription: { href: ruleDocsUrl(finding.rule) },
    message: finding.message,
    ...(finding.related?.length
      ? {
        relatedInformation: finding.related.map((related) => ({
          location: { uri: URI.file(related.path).toString(), range: related.range },
          message: related.message,
        })),
      }
      : {}),
  };
}
