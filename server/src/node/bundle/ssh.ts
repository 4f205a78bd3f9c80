// OpenSSH signatures over SHA256SUMS (`ssh-keygen -Y`, namespace cc7-bundle): what an auditor
// can check by hand with the same tool. ssh-keygen is run with execFile, never a shell.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SIGNATURE_NAMESPACE } from '../../core/bundle/manifest';
import { BundleError, describeError } from './errors';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function sshKeygen(args: string[], input?: Buffer): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = execFile('ssh-keygen', args, { encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = (error as NodeJS.ErrnoException | null)?.code;
      if (code === 'ENOENT') reject(new BundleError('ssh-keygen not found: install OpenSSH (openssh-client) to sign or verify bundle signatures'));
      else resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
    child.stdin?.end(input);
  });
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

/** `ssh-keygen -l` of a key file: size, fingerprint, comment, type; named in the manifest. */
export async function keyFingerprint(key: string): Promise<string> {
  const run = await sshKeygen(['-l', '-f', key]);
  if (run.code !== 0) throw new BundleError(`cannot read the signing key ${key}: ${firstLine(run.stderr) || 'ssh-keygen -l failed'}`);
  return firstLine(run.stdout);
}

/** Signs `sums` with the private key file `key`; `scratch` is a folder for the files ssh-keygen wants. */
export async function signSums(sums: Buffer, key: string, scratch: string): Promise<Buffer> {
  const file = path.join(scratch, 'SHA256SUMS');
  writeFileSync(file, sums);
  const signed = await sshKeygen(['-Y', 'sign', '-q', '-f', key, '-n', SIGNATURE_NAMESPACE, file]);
  if (signed.code !== 0) throw new BundleError(`signing with ${key} failed: ${firstLine(signed.stderr) || 'ssh-keygen -Y sign failed'}`);
  return readFileSync(`${file}.sig`);
}

export interface SignatureCheck {
  status: 'valid' | 'valid-unchecked' | 'invalid';
  /** The allowed signer the signature verified for. */
  principal?: string;
  message: string;
}

/**
 * With allowed signers: the principal whose key made the signature (find-principals), then
 * a full verify for that principal. Without: the signature is checked against the key it
 * carries (check-novalidate), which proves the sums unchanged since signing but not by whom.
 */
export async function checkSignature(sums: Buffer, signature: Buffer, allowedSigners: string | undefined): Promise<SignatureCheck> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'cc7-verify-'));
  try {
    const sig = path.join(scratch, 'SHA256SUMS.sig');
    writeFileSync(sig, signature);
    if (allowedSigners === undefined) {
      const check = await sshKeygen(['-Y', 'check-novalidate', '-n', SIGNATURE_NAMESPACE, '-s', sig], sums);
      return check.code === 0
        ? { status: 'valid-unchecked', message: 'valid, but the signer was not checked (pass --allowed-signers)' }
        : { status: 'invalid', message: `invalid: ${firstLine(check.stderr) || 'the signature does not match SHA256SUMS'}` };
    }
    const found = await sshKeygen(['-Y', 'find-principals', '-f', allowedSigners, '-s', sig]);
    const principal = firstLine(found.stdout);
    if (found.code !== 0 || !principal) return { status: 'invalid', message: 'invalid: made by a key that is not in the allowed signers' };
    const verified = await sshKeygen(['-Y', 'verify', '-f', allowedSigners, '-I', principal, '-n', SIGNATURE_NAMESPACE, '-s', sig], sums);
    return verified.code === 0
      ? { status: 'valid', principal, message: `valid, signed by ${principal}` }
      : { status: 'invalid', principal, message: `invalid: ${firstLine(verified.stderr) || 'the signature does not match SHA256SUMS'}` };
  } catch (error) {
    if (error instanceof BundleError) throw error;
    throw new BundleError(`cannot check the signature: ${describeError(error)}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
