import assert from 'node:assert/strict';
import { findSecrets, looksLikeCredential } from '../../server/src/core/rules/support/secrets';
import { fixtureCases } from '../support/fixtures';

describe('secret-in-record', () => fixtureCases('secret-in-record'));

// Provider token shapes are assembled from parts, so that this file does not itself carry
// strings that secret scanners (GitHub push protection, gitleaks) would block.
const j = (...parts: string[]) => parts.join('');

/** [line of text, kind, the secret exactly as it must be ranged] */
const MUST_MATCH: readonly [string, string, string][] = [
  ['The leaked key was AKIA2E0A8F3B244C9986 (IAM user billing-sync).', 'AWS access key id', 'AKIA2E0A8F3B244C9986'],
  ['temporary credentials ASIAY34FZKBOKMUTVV7A from sts', 'AWS access key id', 'ASIAY34FZKBOKMUTVV7A'],
  [j('aws_secret_access_key = ', 'Zk9vT2xQbW5aR3d4Y1Z0aE1wUXJzVGhKa0xtTm9Q'), 'AWS secret access key', 'Zk9vT2xQbW5aR3d4Y1Z0aE1wUXJzVGhKa0xtTm9Q'],
  [j('"SecretAccessKey": "', 'Zk9vT2xQbW5aR3d4Y1Z0aE1wUXJzVGhKa0xtTm9Q', '"'), 'AWS secret access key', 'Zk9vT2xQbW5aR3d4Y1Z0aE1wUXJzVGhKa0xtTm9Q'],
  ['-----BEGIN RSA PRIVATE KEY-----', 'private key block', '-----BEGIN RSA PRIVATE KEY-----'],
  ['    -----BEGIN PRIVATE KEY-----', 'private key block', '-----BEGIN PRIVATE KEY-----'],
  ['-----BEGIN PGP PRIVATE KEY BLOCK-----', 'private key block', '-----BEGIN PGP PRIVATE KEY BLOCK-----'],
  [j('token gh', 'p_R8vX2mQ9tL4wK7pZ3nB6yH1cF5dJ0sA2eG8u in the log'), 'GitHub token', j('gh', 'p_R8vX2mQ9tL4wK7pZ3nB6yH1cF5dJ0sA2eG8u')],
  [j('app token gh', 's_R8vX2mQ9tL4wK7pZ3nB6yH1cF5dJ0sA2eG8u'), 'GitHub token', j('gh', 's_R8vX2mQ9tL4wK7pZ3nB6yH1cF5dJ0sA2eG8u')],
  [j('GITHUB_TOKEN=github', '_pat_11ABCDEFG0123456789abc_defghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVW'), 'GitHub token',
    j('github', '_pat_11ABCDEFG0123456789abc_defghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVW')],
  [j('bot token xo', 'xb-2048123456-7201234567890-Ab3dEf6hIj9kLm2nOp5q'), 'Slack token', j('xo', 'xb-2048123456-7201234567890-Ab3dEf6hIj9kLm2nOp5q')],
  [j('https://hooks.slack', '.com/services/T024BE7LD/B01ABCDEF12/q8Zx3VnR7tYp2LmK9wQe4sUd'), 'Slack webhook URL', 'T024BE7LD/B01ABCDEF12/q8Zx3VnR7tYp2LmK9wQe4sUd'],
  [j('STRIPE_KEY=sk', '_live_51HqLyjWDarjtT1zdp7dcAbCdEf'), 'Stripe live key', j('sk', '_live_51HqLyjWDarjtT1zdp7dcAbCdEf')],
  [j('restricted rk', '_live_51HqLyjWDarjtT1zdp7dcAbCdEf'), 'Stripe live key', j('rk', '_live_51HqLyjWDarjtT1zdp7dcAbCdEf')],
  [j('maps key AI', 'zaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY used'), 'Google API key', j('AI', 'zaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY')],
  ['cookie=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJiaWxsaW5nIn0.c2lnbmF0dXJl;', 'JSON Web Token', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJiaWxsaW5nIn0.c2lnbmF0dXJl'],
  ['Authorization: Bearer 4f7c1e9a2b8d6e0f3a5c7b9d1e2f4a6c8b0d.', 'bearer token', '4f7c1e9a2b8d6e0f3a5c7b9d1e2f4a6c8b0d'],
  ['postgres://billing:Tr0ub4dor-88@db.internal:5432/billing', 'password in a URL', 'Tr0ub4dor-88'],
  ['amqp://svc:Zx9!kq@mq.internal', 'password in a URL', 'Zx9!kq'],
  ['db password: Winter2026!', 'password or secret', 'Winter2026!'],
  ['password: hunter2', 'password or secret', 'hunter2'],
  ['"api_key": "3f9a8c7e2b1d"', 'password or secret', '3f9a8c7e2b1d'],
  ["client_secret='Qm9iIGlzIGEgc2VjcmV0'", 'password or secret', 'Qm9iIGlzIGEgc2VjcmV0'],
  ['(deploy password: Hx7-q2Lm9!)', 'password or secret', 'Hx7-q2Lm9!'],
  ['API key: 7d2f9c4e1a8b.', 'password or secret', '7d2f9c4e1a8b'],
];

/** Realistic incident-record text that must stay clean. */
const MUST_NOT_MATCH: readonly string[] = [
  'id: INC-2026-014',
  'ticket: SEC-431',
  'reference: DPC-88812',
  '  - { kind: chat, address: "#sec-incidents" }',
  'reported_by: carol@acme.io',
  'root_cause: Key committed to a public fork of the SDK repository',
  'title: Leaked API key used against the billing API',
  'rationale: Key valid and used from an unknown ASN',
  '  - { at: 2026-03-02T09:52:00Z, event: Key revoked, by: dan@acme.io }',
  'action: Enable secret scanning with push protection on every repository',
  'action: Rotate all service keys',
  'lessons_learned: [Public forks are not covered by secret scanning]',
  'The password reset flow was abused; no password was exposed.',
  'The secret access key was rotated at 09:52 and the old one deleted.',
  'AKIA keys were rotated; key ids are in SEC-431.',
  'password: rotated',
  'password: <stored in vault>',
  'password: ********',
  'password: ${DB_PASSWORD}',
  'password: ${{ secrets.DB_PASSWORD }}',
  'secret: stored in vault at kv/prod/billing',
  'secret: rotated-2026-03-02',
  'token: revoked',
  'api_key=${BILLING_API_KEY}',
  'api_key: SEC-431',
  'passwords: none',
  'Password: see vault://kv/prod/db',
  'secret: vault:secret/data/prod/billing#password',
  'sha256: 9f86d081884c7d659a2feaeb6dfd1b4ec50e4f3ad4e5c0a1f8b7a2c3d4e5f601',
  'evidence_sha256: 2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae',
  'Commit 3f9a8c7e2b1d4a6f8e0c2b4d6f8a0c2e4b6d8f0a (git sha1)',
  'postgres://reporting@db-replica.internal:5432/billing',
  'https://status.acme.io:8443/health',
  'git@github.com:acme/sdk.git',
  'Access logs show 14 read calls from 203.0.113.7 between 08:51 and 09:50.',
  'Role ARN arn:aws:iam::123456789012:role/billing-sync in us-east-1',
  'https://acme.atlassian.net/browse/SEC-431',
  'mailto:security@acme.io',
  'Bearer tokens were revoked for every session',
  'The key ID AKIAIOSFODNN7 is truncated in the log',
  'ghp_ tokens are now blocked by push protection',
  'private key: see SEC-431',
  'timezone: America/New_York',
];

describe('findSecrets', () => {
  for (const [line, kind, secret] of MUST_MATCH) {
    it(`finds the ${kind} in ${JSON.stringify(line.slice(0, 48))}`, () => {
      const found = findSecrets(line);
      assert.equal(found.length, 1, JSON.stringify(found));
      const [match] = found;
      assert.equal(match!.kind, kind);
      assert.equal(line.slice(match!.start, match!.end), secret);
      assert.equal(match!.line, 0);
      if (kind !== 'private key block') assert.equal(match!.masked, `${secret.slice(0, 4)}…`);
    });
  }

  it('finds nothing in realistic incident prose, ids, hashes, emails and reference paths', () => {
    for (const line of MUST_NOT_MATCH) assert.deepEqual(findSecrets(line), [], line);
  });

  it('reports lines inside block scalars, 0-based, with UTF-16 columns', () => {
    const text = [
      'investigation:',
      '  notes: |',
      '    First line with an emoji 🔑 before',
      '    the key 🔑 AKIA2E0A8F3B244C9986 here',
    ].join('\n');
    const [match] = findSecrets(text);
    assert.deepEqual({ line: match!.line, start: match!.start, end: match!.end }, { line: 3, start: 15, end: 35 });
  });

  it('splits lines as LSP does (\\n, \\r\\n, \\r)', () => {
    const text = 'a: 1\r\nb: 2\rc: AKIA2E0A8F3B244C9986\nd: 4';
    assert.deepEqual(findSecrets(text).map((m) => [m.line, m.start]), [[2, 3]]);
  });

  it('orders several secrets of one line by column and reports each once', () => {
    const line = j('password: AKIA2E0A8F3B244C9986 and postgres://u:Zx9!kq7@db and api_key=AI', 'zaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY');
    assert.deepEqual(findSecrets(line).map((m) => m.kind), ['AWS access key id', 'password in a URL', 'Google API key']);
  });

  it('gives a private key block the line of its END marker, or of its last indented line', () => {
    const text = [
      'notes: |',
      '  -----BEGIN OPENSSH PRIVATE KEY-----',
      '  b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
      '  -----END OPENSSH PRIVATE KEY-----',
      'title: x',
    ];
    assert.equal(findSecrets(text.join('\n'))[0]!.lastLine, 3);
    const truncated = [text[0], text[1], text[2], '', '  QyNTUxOQAAACBkZXBsb3kta2V5LW5vdC1yZWFsLXRlc3QtZml4dHVyZQAAAA', 'title: x'];
    assert.equal(findSecrets(truncated.join('\n'))[0]!.lastLine, 4);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '\n\n', 'password:', 'password=', '://:@', '-----BEGIN PRIVATE KEY-----', 'x'.repeat(100_000)]) {
      assert.doesNotThrow(() => findSecrets(text));
    }
  });

  it('tells credentials from references and prose', () => {
    for (const value of ['Winter2026!', 'hunter2', 'Q7rx9Lm2vK', '3f9a8c7e2b1d']) assert.ok(looksLikeCredential(value), value);
    for (const value of ['rotated', 'Stored', 'reset-by-helpdesk', 'SEC-431', 'kv/prod/billing', 'vault://x', '2026-03-02', '5432', '<redacted>', 'your_password']) {
      assert.ok(!looksLikeCredential(value), value);
    }
  });
});
