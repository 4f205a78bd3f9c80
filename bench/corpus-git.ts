/**
 * The generated corpus as a repository, as real users export from one: every file in one
 * commit, then a few later commits that edit some records and rename a few (so the export's
 * git provenance follows renames over a history). Fixed identities and dates: the same
 * repository every run.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';

/** Every how many incidents one is edited in a follow-up commit, and how many are renamed. */
const EDIT_EVERY = 100;
const RENAMED = 10;

function git(dir: string, args: string[], at?: string): void {
  execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@bench.io', '-c', 'commit.gpgsign=false', ...args], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...(at ? { GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at } : {}) },
  });
}

function commit(dir: string, message: string, at: string): void {
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', message], at);
}

/** Makes `dir` (a written corpus) a repository with a short history; any previous history is dropped. */
export function commitCorpus(dir: string): void {
  rmSync(path.join(dir, '.git'), { recursive: true, force: true });
  git(dir, ['init', '-q', '-b', 'main']);
  commit(dir, 'Records', '2026-01-01T00:00:00Z');
  const incidents = readdirSync(path.join(dir, 'incidents')).filter((file) => file.endsWith('.yaml')).sort();
  // A YAML comment keeps every record as valid as it was.
  const edit = (offset: number, at: string) => {
    incidents.filter((_, i) => i % EDIT_EVERY === offset).forEach((file) => appendFileSync(path.join(dir, 'incidents', file), `# reviewed ${at}\n`));
    commit(dir, `Review ${at}`, at);
  };
  edit(0, '2026-06-01T00:00:00Z');
  mkdirSync(path.join(dir, 'incidents', 'archive'), { recursive: true });
  // Records edited before, so each renamed record's history runs through the rename.
  for (const file of incidents.filter((_, i) => i % EDIT_EVERY === 0).slice(0, RENAMED)) git(dir, ['mv', path.join('incidents', file), path.join('incidents', 'archive', file)]);
  commit(dir, 'Archive', '2026-07-01T00:00:00Z');
  edit(50, '2026-09-01T00:00:00Z');
}
