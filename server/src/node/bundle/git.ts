// Git provenance of the records: one `git log` over the workspace's history, following
// renames (as `git log --follow` does for one file, here for every record in one pass, so
// 10,000 records cost one process, not 10,000), and `git status` for what is not committed.
// No shell: git is run with execFile and its arguments as a list.
import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import type { Provenance, RecordHistory } from '../../core/bundle/provenance';

/** Git output can be large for a long history; beyond this the provenance is reported unavailable. */
const MAX_OUTPUT_BYTES = 512 * 1024 * 1024;

interface GitRun {
  ok: boolean;
  stdout: string;
  /** git itself is missing. */
  missing?: boolean;
}

function git(cwd: string, args: string[]): Promise<GitRun> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, maxBuffer: MAX_OUTPUT_BYTES, encoding: 'utf8', env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } }, (error, stdout) => {
      if (error) resolve({ ok: false, stdout: '', missing: (error as NodeJS.ErrnoException).code === 'ENOENT' });
      else resolve({ ok: true, stdout });
    });
  });
}

/**
 * Provenance of `files` (workspace-relative, `/` separators) in the repository holding `root`;
 * unavailable, with the reason, when git is absent or `root` is in no repository.
 */
export async function readProvenance(root: string, files: readonly string[]): Promise<Provenance> {
  const top = await git(root, ['rev-parse', '--show-toplevel']);
  if (top.missing) return { available: false, reason: 'git is not installed' };
  if (!top.ok) return { available: false, reason: 'the workspace is not in a git repository' };
  const repoRoot = realpathSync(top.stdout.trim());
  const toWorkspace = (repoPath: string) => path.relative(root, path.join(repoRoot, repoPath)).split(path.sep).join('/');
  const [head, status, log] = await Promise.all([
    git(root, ['rev-parse', '--verify', '--quiet', 'HEAD']),
    git(root, ['status', '--porcelain=v1', '-z', '--untracked-files=all']),
    git(root, ['log', '--topo-order', '-M', '--name-status', '-z', '--format=%x1e%H%x1f%ct%x1f%an <%ae>', '--', '.']),
  ]);
  if (!status.ok) return { available: false, reason: 'git status failed in the workspace' };
  // A repository without commits has no HEAD and no log: every record is then not committed.
  const histories = head.ok && log.ok ? followHistories(log.stdout, files, toWorkspace) : new Map<string, Commit[]>();
  const changed = changedPaths(status.stdout, toWorkspace);
  const records = new Map<string, RecordHistory>();
  for (const file of files) {
    const commits = histories.get(file) ?? [];
    const times = commits.map((commit) => commit.at);
    const state = commits.length === 0 ? 'not-committed' : changed.has(file) ? 'uncommitted-changes' : 'committed';
    records.set(file, {
      state,
      firstCommitAt: times.length ? Math.min(...times) : undefined,
      lastCommitAt: times.length ? Math.max(...times) : undefined,
      commits: commits.length,
      authors: [...new Set(commits.map((commit) => commit.author))].sort(),
    });
  }
  return { available: true, head: head.ok ? head.stdout.trim() : undefined, dirty: status.stdout.length > 0, records };
}

interface Commit {
  at: number;
  author: string;
}

/**
 * Walks the log from the newest commit back, each record known by its name at that point in
 * history: a rename `R old new` hands the record on to `old`; an addition ends its history.
 * Merge commits show no changes (as with --follow) and so are not counted.
 */
function followHistories(log: string, files: readonly string[], toWorkspace: (repoPath: string) => string): Map<string, Commit[]> {
  const histories = new Map<string, Commit[]>(files.map((file) => [file, []]));
  const nameOf = new Map<string, string>(files.map((file) => [file, file]));
  for (const chunk of log.split('\x1e')) {
    if (!chunk) continue;
    const headerEnd = chunk.indexOf('\0');
    const [, seconds, author] = chunk.slice(0, headerEnd).split('\x1f');
    const commit = { at: Number(seconds) * 1000, author: author ?? '' };
    const tokens = chunk.slice(headerEnd + 1).replace(/^\n/, '').split('\0').filter(Boolean);
    for (let i = 0; i < tokens.length; i++) {
      const status = tokens[i]!;
      const renamed = status.startsWith('R') || status.startsWith('C');
      const from = toWorkspace(tokens[++i]!);
      const to = renamed ? toWorkspace(tokens[++i]!) : from;
      const file = nameOf.get(to);
      if (file === undefined || status.startsWith('D')) continue;
      histories.get(file)!.push(commit);
      if (status.startsWith('R')) {
        nameOf.delete(to);
        nameOf.set(from, file);
      } else if (status.startsWith('A') || status.startsWith('C')) {
        nameOf.delete(to);
      }
    }
  }
  return histories;
}

/** Workspace-relative paths with changes not committed (modified, staged, untracked). */
function changedPaths(status: string, toWorkspace: (repoPath: string) => string): Set<string> {
  const changed = new Set<string>();
  const entries = status.split('\0');
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.length < 4) continue;
    changed.add(toWorkspace(entry.slice(3)));
    // A rename or copy is followed by its original path, which is not itself an entry.
    if (entry[0] === 'R' || entry[0] === 'C') i++;
  }
  return changed;
}
