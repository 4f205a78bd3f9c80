// Credential detection over raw text (`secret-in-record`, and the evidence bundle's --redact).
// Works line by line on the file's text, so a secret inside a block scalar (`notes: |`) or a
// comment is found on its own line. Well-known token shapes are matched exactly; a generic
// `password: …` / `api_key=…` assignment only counts when its value looks like a credential,
// so that incident prose ("Key committed to a public fork", "password reset flow") stays clean.

/** One credential found in a text. */
export interface SecretMatch {
  /** 0-based line of the secret. */
  line: number;
  /** 0-based UTF-16 column where the secret starts (the LSP convention). */
  start: number;
  /** 0-based UTF-16 column just after the secret (end exclusive). */
  end: number;
  /**
   * For a private key block: the 0-based line of its END marker (or the last line of the
   * block when the marker is missing), so that a redaction can blank lines `line..lastLine`.
   * Absent for single-line secrets.
   */
  lastLine?: number;
  /** What it looks like, for messages: "AWS access key id", "GitHub token", … */
  kind: string;
  /**
   * The first 4 characters and an ellipsis: safe to show in a message or a report. For a
   * private key block, its BEGIN marker (which holds nothing secret).
   */
  masked: string;
}

interface Pattern {
  kind: string;
  /** Global regex; `value` names the group holding the secret (default: the whole match). */
  regex: RegExp;
  /** Extra check on the secret text; a match failing it is not reported. */
  accept?: (secret: string, match: RegExpExecArray) => boolean;
  /** Drops what prose glued to the end of the value (a closing parenthesis, a full stop). */
  trim?: (secret: string) => string;
}

// Boundaries: a token must not be glued to other token characters on either side.
const B = '(?<![A-Za-z0-9_])';
const E = '(?![A-Za-z0-9_])';

/**
 * Specific shapes first: where two patterns overlap on a line, the earlier one in this list
 * wins (an `api_key=AIza…` is reported once, as a Google API key).
 */
const PATTERNS: readonly Pattern[] = [
  {
    kind: 'private key block',
    regex: /-----BEGIN (?:(?:RSA|EC|DSA|OPENSSH|PGP|ENCRYPTED) )?PRIVATE KEY(?: BLOCK)?-----/g,
  },
  {
    // AKIA: long-term IAM user key; ASIA: temporary (STS) key.
    kind: 'AWS access key id',
    regex: new RegExp(`${B}(?<value>(?:AKIA|ASIA)[A-Z0-9]{16})${E}`, 'g'),
  },
  {
    // A secret access key is 40 base64 characters: only reported when labelled, since any
    // 40-character run (a sha1 hash, a path) would otherwise match.
    kind: 'AWS secret access key',
    regex: /(?:aws_?)?secret_?access_?key["']?\s*[:=]\s*["']?(?<value>[A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi,
  },
  {
    kind: 'GitHub token',
    regex: new RegExp(`${B}(?<value>gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})${E}`, 'g'),
  },
  {
    kind: 'Slack token',
    regex: /(?<![A-Za-z0-9])(?<value>xox[baprs]-[A-Za-z0-9-]{10,})(?![A-Za-z0-9-])/g,
    accept: (secret) => /\d/.test(secret),
  },
  {
    kind: 'Slack webhook URL',
    regex: /https:\/\/hooks\.slack\.com\/services\/(?<value>T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+)/g,
  },
  {
    kind: 'Stripe live key',
    regex: new RegExp(`${B}(?<value>(?:sk|rk)_live_[A-Za-z0-9]{16,})${E}`, 'g'),
  },
  {
    kind: 'Google API key',
    regex: /(?<![A-Za-z0-9_-])(?<value>AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])/g,
  },
  {
    // header.payload.signature, both JSON objects base64url-encoded (`{"` = `eyJ`).
    kind: 'JSON Web Token',
    regex: /(?<![A-Za-z0-9_-])(?<value>eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*)(?![A-Za-z0-9_-])/g,
  },
  {
    kind: 'bearer token',
    trim: trimProse,
    regex: /\bBearer\s+(?<value>[A-Za-z0-9._~+/-]{20,}=*)/g,
    accept: (secret) => looksLikeCredential(secret),
  },
  {
    // scheme://user:password@host — not user@host (no password) and not host:port (no @).
    kind: 'password in a URL',
    regex: /\b[A-Za-z][A-Za-z0-9+.-]{0,31}:\/\/[^\s:/?#@"'`]+:(?<value>[^\s/?#@"'`]+)@[^\s/?#@"'`]+/g,
    accept: (secret) => !isPlaceholder(secret),
  },
  {
    // `password: …`, `db_password=…`, `"api_key": "…"`, `client_secret = …` in any text. The
    // pattern starts at the key word itself (no leading quantifier: linear time on long lines).
    kind: 'password or secret',
    trim: trimProse,
    regex: new RegExp(
      '(?:password|passwd|passphrase|pwd|secret|api[ _-]?key|apikey|access[ _-]?token|auth[ _-]?token|private[ _-]?key)' +
      `["']?[ \\t]*[:=][ \\t]*(?<quote>["']?)(?<value>[^\\s"'\`,;]+)\\k<quote>`,
      'gi',
    ),
    accept: (secret, match) => !/sha\d|hash|digest|fingerprint|checksum/i.test(wordBefore(match)) && looksLikeCredential(secret),
  },
];

/** The key word a generic match sits in (`evidence_sha256_secret`), read back at most 64 characters. */
function wordBefore(match: RegExpExecArray): string {
  let from = match.index;
  while (from > 0 && match.index - from < 64 && /[A-Za-z0-9_-]/.test(match.input[from - 1]!)) from--;
  return match.input.slice(from, match.index);
}

/** Values people write where a secret would go without writing the secret. */
const PLACEHOLDER = new RegExp(
  '^(?:' + [
    '[*x•.#_-]+', // ****, xxxx, ..., ###
    '<[^>]*>', '\\$\\{[^}]*\\}', '\\$[A-Z_][A-Z0-9_]*', '\\{\\{[^}]*\\}\\}', '%[a-z]', // <password>, ${DB_PASSWORD}, $TOKEN, {{secret}}, %s
    '(?:redacted|removed|rotated|revoked|masked|hidden|none|null|nil|n/a|na|tbd|todo|unknown|empty|example|sample|placeholder|changeme|dummy|test)',
    '(?:your|my|the|some)[_-]\\w*', // your_password, my-token
    '(?:password|passwd|secret|token|key|pass|pwd|api[_-]?key)s?',
  ].join('|') + ')$',
  'i',
);

/** A status word where the value would be: `rotated-2026-03-02`, `revoked (SEC-431)`. */
const STATUS_WORD = /^(?:redacted|removed|rotated|revoked|masked|hidden|deleted|expired|disabled|none|unknown|see)(?![A-Za-z])/i;

function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value) || STATUS_WORD.test(value) ||
    /^(?:<|\$\{|\{\{|\[|%\()/.test(value) || // the start of a template: <stored in vault>, ${{ secrets.X }}
    /redacted|example|placeholder/i.test(value);
}

/** Trailing `.`, `,`, `)`, `]`, `}` belong to the sentence unless the value opened them. */
function trimProse(value: string): string {
  let trimmed = value;
  for (;;) {
    const last = trimmed.at(-1);
    const open = last === ')' ? '(' : last === ']' ? '[' : last === '}' ? '{' : undefined;
    if (last === '.' || last === ',' || (open && !trimmed.includes(open))) trimmed = trimmed.slice(0, -1);
    else return trimmed;
  }
}

/**
 * Whether a labelled value looks like a credential rather than prose or a reference: six
 * characters or more, not a placeholder, not a plain lower-case word, not a reference to where
 * the secret lives (a vault path, a URL, a ticket key like SEC-431, an environment variable).
 */
export function looksLikeCredential(value: string): boolean {
  if (value.length < 6 || isPlaceholder(value)) return false;
  if (/^[a-z]+$/.test(value) || /^[A-Z][a-z]+$/.test(value)) return false; // "rotated", "Stored"
  if (/^[a-z]+(?:[-_][a-z]+)+$/.test(value)) return false; // "reset-by-helpdesk", "see_vault"
  if (/:\/\//.test(value) || /^(?:vault|kv|secret|arn|ssm|op|awssm|gcpsm|env):/i.test(value)) return false;
  if (/^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$/.test(value)) return false; // SEC-431, INC-2026-014
  if (/^[a-z0-9_.-]+(?:\/[a-z0-9_.-]+)+\/?$/.test(value)) return false; // kv/prod/billing-db
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return false; // a date or timestamp
  if (/^\d+$/.test(value) && value.length < 8) return false; // a count, a port
  return true;
}

export function mask(secret: string): string {
  return `${secret.slice(0, 4)}…`;
}

const LINE_BREAK = /\r\n|\r|\n/;

/**
 * Text every pattern above needs somewhere on its line: lines without any are skipped, so a
 * record of plain prose costs one cheap test per line. Keep it a superset of the patterns.
 */
const TRIGGER = /AKIA|ASIA|PRIVATE KEY|gh[pousr]_|github_pat_|xox[baprs]-|hooks\.slack\.com|_live_|AIza|eyJ|bearer|:\/\/|pass|pwd|secret|api[ _-]?key|token/i;

/**
 * Every credential-looking value of a text, in line and column order, each reported once.
 * Lines are split as LSP splits them (\n, \r\n, \r); columns are UTF-16 code units.
 */
export function findSecrets(text: string): SecretMatch[] {
  const lines = text.split(LINE_BREAK);
  const found: SecretMatch[] = [];
  lines.forEach((content, line) => {
    if (!TRIGGER.test(content)) return;
    const taken: { hit: SecretMatch; from: number; to: number }[] = [];
    for (const pattern of PATTERNS) {
      pattern.regex.lastIndex = 0;
      for (let match = pattern.regex.exec(content); match; match = pattern.regex.exec(content)) {
        const value = match.groups?.value;
        const secret = pattern.trim ? pattern.trim(value ?? match[0]) : value ?? match[0];
        if (secret === '' || (pattern.accept && !pattern.accept(secret, match))) continue;
        const start = value === undefined ? match.index : match.index + match[0].lastIndexOf(value);
        // The whole match counts for overlaps: `password: AKIA…` is one AWS key, not two findings.
        const from = match.index;
        const to = match.index + match[0].length;
        if (taken.some((t) => from < t.to && t.from < to)) continue;
        const block = pattern.kind === 'private key block';
        const hit: SecretMatch = {
          line,
          start,
          end: start + secret.length,
          ...(block ? { lastLine: blockEnd(lines, line) } : {}),
          kind: pattern.kind,
          // The BEGIN marker holds nothing secret; the key is on the lines below it.
          masked: block ? secret : mask(secret),
        };
        taken.push({ hit, from, to });
      }
    }
    found.push(...taken.map((t) => t.hit).sort((a, b) => a.start - b.start));
  });
  return found;
}

/** What documentSecrets found in each parsed file: the rule and the evidence bundle ask of the same one. */
const byFile = new WeakMap<object, readonly SecretMatch[]>();

/**
 * findSecrets of a parsed file's text, scanned once however often it is asked (the rule, then
 * the evidence bundle's copy of the same record). The result is shared: do not change it.
 */
export function documentSecrets(file: { readonly text: string }): readonly SecretMatch[] {
  let found = byFile.get(file);
  if (found === undefined) {
    found = findSecrets(file.text);
    byFile.set(file, found);
  }
  return found;
}

/** The line of a private key's END marker; without one, the last line indented like the block. */
function blockEnd(lines: readonly string[], begin: number): number {
  for (let i = begin; i < lines.length; i++) {
    if (/-----END [A-Z ]*PRIVATE KEY(?: BLOCK)?-----/.test(lines[i]!)) return i;
  }
  const indent = /^\s*/.exec(lines[begin]!)![0].length;
  let last = begin;
  for (let i = begin + 1; i < lines.length; i++) {
    const current = lines[i]!;
    if (current.trim() === '') continue;
    if (/^\s*/.exec(current)![0].length < indent) break;
    last = i;
  }
  return last;
}
