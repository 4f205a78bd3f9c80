/** The packaged extension: `npm run package` (build, then vsce) and the cc7-<version>.vsix it writes. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './scratch';

export function packagedVsix(): string {
  const { name, version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  return path.join(REPO_ROOT, `${name}-${version}.vsix`);
}

/** Runs `npm run package` as a user would; resolves to the .vsix, or throws a one-line reason. */
export function packageExtension(): string {
  const run = spawnSync('npm', ['run', 'package', '--silent'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`npm run package failed (${run.status ?? run.signal}): ${`${run.stderr}\n${run.stdout}`.trim().split('\n').pop()}`);
  return packagedVsix();
}
