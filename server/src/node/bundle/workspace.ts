// Which files an export may read: the CC7 candidates below the workspace, never through a
// symbolic link. Links that lead out of the workspace (or nowhere) are listed, not followed.
import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import fg from 'fast-glob';
import { ALWAYS_EXCLUDED, DEFAULT_INCLUDE, listFiles } from '../files';

export interface WorkspaceFiles {
  /** The workspace folder, resolved (no symbolic link in it). */
  root: string;
  /** Regular files the scan selects, absolute, in path order. */
  files: string[];
  /** Workspace-relative `/` paths of the links leading outside, in path order. */
  skippedLinks: string[];
}

export function listWorkspace(folder: string): WorkspaceFiles {
  const root = realpathSync(folder);
  // listFiles never follows a link, so every file it returns is a regular file inside root.
  const files = listFiles(root, { include: DEFAULT_INCLUDE, exclude: [] }).sort();
  const links = fg.sync(['**'], { cwd: root, onlyFiles: false, followSymbolicLinks: false, objectMode: true, suppressErrors: true, ignore: ALWAYS_EXCLUDED })
    .filter((entry) => entry.dirent.isSymbolicLink())
    .map((entry) => entry.path)
    .filter((link) => leadsOut(root, path.join(root, link)))
    .sort();
  return { root, files, skippedLinks: links };
}

function leadsOut(root: string, link: string): boolean {
  try {
    const target = realpathSync(link);
    return target !== root && !target.startsWith(root + path.sep);
  } catch {
    return true;
  }
}
