/**
 * `cc7 export --sign` and `cc7 verify`: every hash recomputed; changed, removed and added
 * entries reported; the OpenSSH signature checked against allowed signers.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { assertUsageError, runCli } from '../support/cli';
import { incidentYaml, planYaml, readZip, rezip, tempDir, writeFiles } from '../support/bundle';

function keyPair(dir: string, name: string): string {
  const key = path.join(dir, name);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `${name}@test.io`, '-f', key]);
  return key;
}


describe('bundle: signing and cc7 verify', () => {
  let dir: string;
  let zip: string;
  let signers: string;
  let otherKey: string;
  let workspace: string;

  before(() => {
    dir = tempDir('verify');
    const key = keyPair(dir, 'alice');
    otherKey = keyPair(dir, 'mallory');
    signers = path.join(dir, 'allowed_signers');
    writeFileSync(signers, `alice@test.io namespaces="cc7-bundle" ${readFileSync(`${key}.pub`, 'utf8')}`);
    workspace = path.join(dir, 'workspace');
    mkdirSync(workspace);
    writeFiles(workspace, {
      'plan.yaml': planYaml(),
      'incidents/INC-2026-001.yaml': incidentYaml({ id: 'INC-2026-001', detected: '2026-03-01T10:00:00Z' }),
    });
    zip = path.join(dir, 'signed.zip');
    const run = runCli(['export', '--workspace', workspace, '--out', zip, '--as-of', '2026-06-30T00:00:00Z', '--sign', key], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /; signed\n/);
  });

  const verify = (file: string, withSigners = true) =>
    runCli(['verify', file, ...(withSigners ? ['--allowed-signers', signers] : [])], { cwd: dir });

  it('a signed, untouched bundle verifies, and the signature names its signer', () => {
    const run = verify(zip);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /: 16 files checked against SHA256SUMS and manifest\.json\nsignature: valid, signed by alice@test\.io\nbundle verified\n$/);
  });

  it('ssh-keygen verifies the signature by hand, as the README says', async () => {
    const entries = await readZip(zip);
    const extracted = tempDir('by-hand');
    writeFileSync(path.join(extracted, 'SHA256SUMS'), entries.get('SHA256SUMS')!);
    writeFileSync(path.join(extracted, 'SHA256SUMS.sig'), entries.get('SHA256SUMS.sig')!);
    const check = spawnSync('ssh-keygen', ['-Y', 'verify', '-f', signers, '-I', 'alice@test.io', '-n', 'cc7-bundle', '-s', 'SHA256SUMS.sig'],
      { cwd: extracted, input: entries.get('SHA256SUMS'), encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
    assert.equal(manifest.signature.namespace, 'cc7-bundle');
    assert.match(manifest.signature.key, /^256 SHA256:\S+ alice@test\.io \(ED25519\)$/);
  });

  it('without --allowed-signers the signature is checked for integrity only, and says so', () => {
    const run = verify(zip, false);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /signature: valid, but the signer was not checked \(pass --allowed-signers\)/);
  });

  it('signing is deterministic: the same key gives the same bytes', () => {
    const again = path.join(dir, 'again.zip');
    assert.equal(runCli(['export', '--workspace', workspace, '--out', again, '--as-of', '2026-06-30T00:00:00Z', '--sign', path.join(dir, 'alice')], { cwd: dir }).status, 0);
    assert.ok(readFileSync(again).equals(readFileSync(zip)));
  });

  it('one changed byte in an entry fails', async () => {
    const entries = await readZip(zip);
    const page = Buffer.from(entries.get('incidents/INC-2026-001.yaml')!);
    page[page.length - 2] ^= 1;
    entries.set('incidents/INC-2026-001.yaml', page);
    const out = path.join(dir, 'changed.zip');
    await rezip(entries, out);
    const run = verify(out);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /\nchanged: incidents\/INC-2026-001\.yaml\n/);
    assert.match(run.stdout, /verification FAILED\n$/);
  });

  it('a removed and an added entry fail, each named', async () => {
    const entries = await readZip(zip);
    entries.delete('registers/waivers.csv');
    entries.set('incidents/INC-2026-999.yaml', Buffer.from('apiVersion: cc7/v1\n'));
    const out = path.join(dir, 'moved.zip');
    await rezip(entries, out);
    const run = verify(out);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /\nmissing: registers\/waivers\.csv\nextra: incidents\/INC-2026-999\.yaml\n/);
  });

  it('a signature made by another key fails', async () => {
    const entries = await readZip(zip);
    const sums = path.join(dir, 'SHA256SUMS');
    writeFileSync(sums, entries.get('SHA256SUMS')!);
    execFileSync('ssh-keygen', ['-Y', 'sign', '-q', '-f', otherKey, '-n', 'cc7-bundle', sums]);
    entries.set('SHA256SUMS.sig', readFileSync(`${sums}.sig`));
    const out = path.join(dir, 'forged.zip');
    await rezip(entries, out);
    const run = verify(out);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /signature: invalid: made by a key that is not in the allowed signers\nverification FAILED\n$/);
  });

  it('an unsigned bundle fails when allowed signers are required, passes otherwise', async () => {
    const entries = await readZip(zip);
    entries.delete('SHA256SUMS.sig');
    const out = path.join(dir, 'unsigned.zip');
    await rezip(entries, out);
    assert.equal(verify(out).status, 1);
    assert.equal(verify(out, false).status, 0);
  });

  it('a missing ssh-keygen is a one-line error; so are a missing file and a file that is not a zip', () => {
    const noTools = tempDir('no-tools');
    const run = runCli(['verify', zip, '--allowed-signers', signers], { cwd: dir, env: { PATH: noTools } });
    assertUsageError(run);
    assert.equal(run.stderr, 'cc7: ssh-keygen not found: install OpenSSH (openssh-client) to sign or verify bundle signatures\n');
    assertUsageError(runCli(['verify', path.join(dir, 'nope.zip')], { cwd: dir }));
    assertUsageError(runCli(['verify', signers], { cwd: dir }));
    assertUsageError(runCli(['verify'], { cwd: dir }));
  });
});
