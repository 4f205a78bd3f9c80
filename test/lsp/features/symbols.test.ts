/**
 * Document symbols (the outline) and workspace symbols over stdio, on the fixture workspace.
 */
import assert from 'node:assert/strict';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-protocol/node';
import { rangeOfSnippet } from '../../support/fixtures';
import { fileUri } from '../../support/lsp-client';
import { CLOSED, INCIDENT, navigationWorkspace, PLAN } from '../../support/navigation';

const KIND_NAMES = new Map(Object.entries(SymbolKind).map(([name, value]) => [value as number, name]));

/** The outline as indented lines: `name (Kind) detail`. */
function outline(symbols: readonly DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((symbol) => [
    `${'  '.repeat(depth)}${symbol.name} (${KIND_NAMES.get(symbol.kind)})${symbol.detail ? ` ${symbol.detail}` : ''}`,
    ...outline(symbol.children ?? [], depth + 1),
  ]);
}

const lineRange = (range: Range) => `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;

describe('language server over stdio: symbols', () => {
  // Read-only requests: one server for the whole file.
  const navigation = navigationWorkspace().shared();

  it('outlines an incident: the record, its sections, and their items by id, time or regime', async () => {
    const { uri } = await navigation.open(INCIDENT);
    assert.deepEqual(outline(await navigation.server.documentSymbols(uri)), [
      'INC-2026-001 (Event) Incident: Leaked API key used against the billing API',
      '  triage (Object)',
      '  roles (Object)',
      '    incident_lead (Property)',
      '    legal (Property)',
      '  timeline (Array)',
      '    2026-03-02T09:14:00Z (Event) GuardDuty alert on the billing-api key',
      '    2026-03-02T09:52:00Z (Event) Key revoked',
      '  investigation (Object)',
      '  notifications (Object)',
      '    notices (Array)',
      '      us-ca (Object) California residents',
      '    not_required (Array)',
      '      us-co (Object) No Colorado resident among the records',
      '  remediation (Array)',
      '    REM-1 (Object) Rotate all service keys',
      '    REM-2 (Object) Enable secret scanning',
      '  waivers (Array)',
      '    remediation-overdue (Object) REM-2',
    ]);
  });

  it('gives each symbol the whole entry as its range and just its key or id as its selection', async () => {
    const { uri, text } = await navigation.open(INCIDENT);
    const [root] = await navigation.server.documentSymbols(uri);
    const lines = text.split('\n');
    // The whole document, up to the last character of its last entry.
    assert.equal(lineRange(root!.range), `0:0-${lines.length - 2}:${lines[lines.length - 2]!.length}`);
    assert.deepEqual(root!.selectionRange, rangeOfSnippet(text, 'id: [[INC-2026-001]]', 'root selection'));
    const remediation = root!.children!.find((symbol) => symbol.name === 'remediation')!;
    assert.deepEqual(remediation.selectionRange, rangeOfSnippet(text, '[[remediation]]:', 'section selection'));
    assert.deepEqual(remediation.range, {
      start: remediation.selectionRange.start,
      end: rangeOfSnippet(text, 'due: 2026-03-01, status: in-progress }[[]]', 'section end').end,
    });
    const [first] = remediation.children!;
    assert.deepEqual(first!.selectionRange, rangeOfSnippet(text, '{ id: [[REM-1]], action', 'item selection'));
    assert.deepEqual(first!.range, rangeOfSnippet(text, '  - [[{ id: REM-1, action: Rotate all service keys, owner: ops@example.com, ticket: SEC-1, due: 2026-03-09, status: open }]]', 'item'));
  });

  it('outlines the plan by its organization, with its roles and severity levels', async () => {
    const { uri } = await navigation.open(PLAN);
    assert.deepEqual(outline(await navigation.server.documentSymbols(uri)), [
      'Example Corp (Namespace) ResponsePlan',
      '  approved (Object)',
      '  reviews (Array)',
      '    2026-01-15T10:00:00Z (Event) First plan',
      '  roles (Object)',
      '    incident_lead (Property)',
      '    security_operations (Property)',
      '    legal (Property)',
      '    executive_sponsor (Property)',
      '  severity_levels (Array)',
      '    SEV1 (EnumMember) Critical',
      '    SEV2 (EnumMember) High',
      '  notification (Object)',
    ]);
  });

  it('finds every record by id and title: substring matches first, then other subsequences, ignoring case', async () => {
    const names = async (query: string) => (await navigation.server.workspaceSymbols(query)).map((symbol) => symbol.name);
    assert.deepEqual(await names('leak'), [
      'INC-2026-001 Leaked API key used against the billing API',
      'RB-CREDENTIAL-LEAK Leaked or compromised credential',
      'TTX-2026-01 Leaked deploy key used to push to production',
      // Not a substring, but its letters in order: bi[l]ling API k[e]y seen in [a] public for[k].
      'EVT-2026-0001 Billing API key seen in a public fork',
    ]);
    assert.deepEqual(await names('inc001'), ['INC-2026-001 Leaked API key used against the billing API']);
    assert.deepEqual(await names('PHISHING'), ['INC-2026-002 Phishing of the finance team']);
    assert.deepEqual(await names('zzz'), []);
    assert.equal((await names('')).length, 5, 'every record with an id (the plan has none)');
  });

  it("locates a workspace symbol at the record's id, with its kind", async () => {
    const file = navigation.file(CLOSED);
    const text = navigation.read(CLOSED);
    assert.deepEqual(await navigation.server.workspaceSymbols('phishing'), [{
      name: 'INC-2026-002 Phishing of the finance team',
      kind: SymbolKind.Event,
      containerName: 'Incident',
      location: { uri: fileUri(file), range: rangeOfSnippet(text, 'id: [[INC-2026-002]]', 'id') },
    }]);
  });
});
