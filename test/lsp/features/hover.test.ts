/**
 * Hover over stdio, on the `editor` fixture (see completion.test.ts) at DEFAULT_NOW,
 * 2026-06-30T12:00:00Z. INC-2026-001 became aware of an EU and California breach involving
 * customer data at 2026-06-29T10:00:00Z: its GDPR Art. 33 clock is open (46 h left), the
 * customer notice approaching (22 h left), and the California notice was sent in time.
 * Each test hovers at the start of a [[marked]] word and checks the exact markdown and range.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Hover, MarkupContent, Range } from 'vscode-languageserver-protocol/node';
import { markedCursor } from '../../support/cursor';
import { rangeOfSnippet } from '../../support/fixtures';
import { INCIDENT, NEW_INCIDENT, sharedEditorWorkspace } from '../../support/editor-workspace';
import { fileUri } from '../../support/lsp-client';

const GDPR = '**GDPR Art. 33 notice to the supervisory authority** (`gdpr-art33`)\n\n'
  + '- Due: 2026-07-02 10:00 UTC · 2026-07-02 06:00 America/New_York\n- Window: 72 h from `notifications.aware_at`\n- **Open**: 46 h left';
const CALIFORNIA = '**California breach notice to residents** (`us-ca`)\n\n'
  + '- Due: 2026-07-29 10:00 UTC · 2026-07-29 06:00 America/New_York\n- Window: 30 calendar days from `notifications.aware_at`\n'
  + '- **Met**: notified 2026-06-30 09:00 UTC, 29 d 1 h before the deadline';
const CUSTOMERS = '**Customer notice under the data processing agreement** (`customer-dpa`)\n\n'
  + '- Due: 2026-07-01 10:00 UTC · 2026-07-01 06:00 America/New_York\n- Window: 48 h from `notifications.aware_at`\n- **Approaching**: 22 h left';
const AWARE_AT = '**aware_at** · CC7.4, CC2.3\n\n'
  + "When the organization became aware of the breach (discovery); starts most notification clocks and bounds DORA's initial one.\n\n"
  + '**CC7.4**: respond to identified security incidents with a defined incident response program.\n\n'
  + '**CC2.3**: communicate with external parties about matters affecting the functioning of internal control.';

describe('language server over stdio: hover', () => {
  const editor = sharedEditorWorkspace();

  /** Opens `file` with `text`, hovers at `position`, closes it. */
  const hoverIn = async (file: string, text: string, position: Range['start']): Promise<Hover | null> => {
    const uri = await editor.server.open(editor.file(file), text);
    try {
      return await editor.server.hover(uri, position);
    } finally {
      await editor.server.close(uri);
    }
  };

  /** Hovers at the start of the [[marked]] part of `at` in `text`; expects that part as the range and `markdown` as the content. */
  const assertHover = async (file: string, text: string, at: string, markdown: string) => {
    const range = rangeOfSnippet(text, at, file);
    const hover = await hoverIn(file, text, range.start);
    assert.ok(hover, `no hover at ${at}`);
    assert.deepEqual(hover.range, range, `the hovered word of ${at}`);
    assert.equal((hover.contents as MarkupContent).kind, 'markdown');
    assert.equal((hover.contents as MarkupContent).value, markdown);
  };

  /** As assertHover, where brackets of the YAML clash with [[ ]]: the cursor ‸ marks the start of `word`. */
  const assertHoverAtCursor = async (file: string, marked: string, word: string, markdown: string) => {
    const { text, offset, position } = markedCursor(marked);
    assert.equal(text.slice(offset, offset + word.length), word);
    const hover = await hoverIn(file, text, position);
    assert.deepEqual(hover?.range, { start: position, end: { line: position.line, character: position.character + word.length } });
    assert.equal((hover?.contents as MarkupContent).value, markdown);
  };

  /** `file:///…/INC-2026-001.yaml#L3`: the link to a record's file, at the line of its id. */
  const linkTo = (file: string, idLine: string) => {
    const line = rangeOfSnippet(editor.read(file), `[[${idLine}]]`, file).start.line;
    return `[${path.basename(file)}](${fileUri(editor.file(file))}#L${line + 1})`;
  };

  it('on a key: its meaning and the CC7 criterion it serves', async () => {
    await assertHover(INCIDENT, editor.read(INCIDENT), '[[triage]]:\n', '**triage** · CC7.3\n\nThe assessment that the detected event is a security incident.\n\n'
      + '**CC7.3**: evaluate security events to determine whether they are security incidents.');
  });

  it("on a severity: the plan's entry; an unknown one says so", async () => {
    await assertHover(INCIDENT, editor.read(INCIDENT), 'severity: [[SEV2]]', '**SEV2 — High**\n\nSuspected access to customer data, or a degraded security control\n\n'
      + '- Escalate within: 60 min of detection\n- Post-incident review: required, held within 10 business days of resolved_at\n- Remediation due: 30 days');
    await assertHover(NEW_INCIDENT, editor.read(NEW_INCIDENT), 'severity: [[SEV3]]', '**SEV3 — Medium**\n\nContained event with no customer impact\n\n'
      + '- Escalate within: not set\n- Post-incident review: not required\n- Remediation due: 90 days');
    const unknown = editor.edited(NEW_INCIDENT, 'severity: SEV3', 'severity: SEV9');
    await assertHover(NEW_INCIDENT, unknown, 'severity: [[SEV9]]', "**SEV9** is not a severity of the plan's severity_levels.");
  });

  it('on a clock trigger field: every deadline it starts, due in UTC and in the plan\'s zone, with the verdict', async () => {
    const text = editor.read(INCIDENT);
    await assertHover(INCIDENT, text, '[[aware_at]]: 2026', `${AWARE_AT}\n\n---\n\n${GDPR}\n\n${CALIFORNIA}\n\n${CUSTOMERS}`);
    await assertHover(INCIDENT, text, 'aware_at: [[2026-06-29T10:00:00Z]]', `${GDPR}\n\n${CALIFORNIA}\n\n${CUSTOMERS}`);
    await assertHover(INCIDENT, text, 'decided_at: [[2026-06-29T15:00:00Z]]',
      'No notification clock of the plan starts at `notifications.breach_determination.decided_at` for this incident.');
  });

  it('on detected_at when aware_at is missing: the clocks it starts as the fallback', async () => {
    const text = editor.edited(NEW_INCIDENT, 'roles:', 'investigation: { customer_data: { involved: true } }\nroles:');
    await assertHover(NEW_INCIDENT, text, 'detected_at: [[2026-05-04T22:10:00Z]]', '**Customer notice under the data processing agreement** (`customer-dpa`)\n\n'
      + '- Due: 2026-05-06 22:10 UTC · 2026-05-06 18:10 America/New_York\n'
      + '- Window: 48 h from `detected_at` (notifications.aware_at is missing: counted from detected_at)\n'
      + '- **Breached**: due 54 d 13 h ago, and no notice is recorded');
  });

  it("on a notice's or a not_required entry's regime: that regime's deadline and verdict", async () => {
    const text = editor.edited(INCIDENT, '  notices:', '  not_required:\n    - { regime: customer-dpa, rationale: Globex data was encrypted at rest }\n  notices:');
    await assertHover(INCIDENT, text, 'regime: [[us-ca]]', CALIFORNIA);
    await assertHover(INCIDENT, text, 'regime: [[customer-dpa]]', '**Customer notice under the data processing agreement** (`customer-dpa`)\n\n'
      + '- Window: 48 h from `notifications.aware_at`\n- **Not required**: closed by a notifications.not_required entry');
  });

  it("on a regime of the plan's list: what the regime asks", async () => {
    const file = 'plan/response-plan.yaml';
    await assertHoverAtCursor(file, editor.edited(file, '[gdpr-art33,', '[‸gdpr-art33,'), 'gdpr-art33', '**GDPR Art. 33 notice to the supervisory authority** (gdpr-art33)\n\n'
      + 'Notice to the supervisory authority within 72 h of `notifications.aware_at` (GDPR Art. 33(1); WP250).');
  });

  it('on an id that names a record: its title, status and file', async () => {
    await assertHover(INCIDENT, editor.read(INCIDENT), 'runbook: [[RB-CREDENTIAL-LEAK]]', '**RB-CREDENTIAL-LEAK** · Runbook\n\nLeaked or compromised credential\n\n'
      + `- File: ${linkTo('runbooks/RB-CREDENTIAL-LEAK.yaml', 'id: RB-CREDENTIAL-LEAK')}`);
    const event = 'events/EVT-2026-0001.yaml';
    await assertHover(event, editor.read(event), 'incident: [[INC-2026-001]]', '**INC-2026-001** · Incident\n\nLeaked API key used against the billing API\n\n'
      + `- Status: investigation\n- Severity: SEV2\n- File: ${linkTo(INCIDENT, 'id: INC-2026-001')}`);
    const tabletop = 'tabletop/TTX-2026-01.yaml';
    await assertHoverAtCursor(tabletop, editor.edited(tabletop, '[RB-CREDENTIAL-LEAK]', '[‸RB-CREDENTIAL-LEAK]'), 'RB-CREDENTIAL-LEAK',
      '**RB-CREDENTIAL-LEAK** · Runbook\n\nLeaked or compromised credential\n\n'
      + `- File: ${linkTo('runbooks/RB-CREDENTIAL-LEAK.yaml', 'id: RB-CREDENTIAL-LEAK')}`);
    await assertHover(event, editor.edited(event, 'incident: INC-2026-001', 'incident: INC-2026-404'), 'incident: [[INC-2026-404]]',
      '**INC-2026-404**: no Incident with this id in the workspace.');
  });

  it("on a review action item or a waiver target: the document's remediation item", async () => {
    await assertHoverAtCursor(INCIDENT, editor.edited(INCIDENT, 'action_items: [REM-1]', 'action_items: [‸REM-1]'), 'REM-1',
      '**REM-1** · remediation item\n\nEnable secret scanning with push protection\n\n'
      + `- Status: in-progress\n- Owner: dan@acme.io\n- Due: 2026-07-30\n- Ticket: SEC-431\n- File: ${linkTo(INCIDENT, '{ id: REM-1')}`);
    await assertHover(INCIDENT, editor.read(INCIDENT), 'target: [[REM-2]]', '**REM-2** · remediation item\n\nRotate all service keys\n\n'
      + `- Status: open\n- Owner: dan@acme.io\n- Due: 2026-07-09\n- Ticket: SEC-432\n- File: ${linkTo(INCIDENT, '{ id: REM-2')}`);
  });

  it('answers null off CC7 content: another YAML file, an empty slot, a comment; and on malformed YAML', async () => {
    const notes = markedCursor('name: deploy\n‸steps: []\n');
    assert.equal(await hoverIn('notes.yaml', notes.text, notes.position), null);
    const empty = markedCursor(editor.edited(NEW_INCIDENT, 'roles:', 'description: ‸\nroles:'));
    assert.equal(await hoverIn(NEW_INCIDENT, empty.text, empty.position), null);
    const comment = markedCursor(editor.edited(NEW_INCIDENT, 'category: malware', 'category: malware # see ‸EDR'));
    assert.equal(await hoverIn(NEW_INCIDENT, comment.text, comment.position), null);
    // An unclosed flow mapping: a syntax error, and the rest of the file still read.
    const broken = editor.edited(NEW_INCIDENT, 'title: Ransomware note on a build server', 'title: { unclosed: 1');
    await assertHover(NEW_INCIDENT, broken, 'severity: [[SEV3]]', '**SEV3 — Medium**\n\nContained event with no customer impact\n\n'
      + '- Escalate within: not set\n- Post-incident review: not required\n- Remediation due: 90 days');
    assert.ok(editor.server.alive);
  });
});
