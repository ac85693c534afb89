import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { CLEAN, CLEAN_NAME, repoRoot, SERVER, tempWorkspace, TestClient } from './client';

const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

describe('postmortem-language-server command line', () => {
  it('--version prints the package version', () => {
    const run = spawnSync(process.execPath, [SERVER, '--version'], { encoding: 'utf8' });
    assert.equal(run.status, 0);
    assert.equal(run.stdout, `${version}\n`);
  });

  it('--help names the transports and exits 0', () => {
    const run = spawnSync(process.execPath, [SERVER, '--help'], { encoding: 'utf8' });
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^Usage: postmortem-language-server --stdio \| --node-ipc/);
    assert.match(run.stdout, /source\.fixAll\.postmortem/);
  });

  it('without a transport it says how to start it and exits 2', () => {
    const run = spawnSync(process.execPath, [SERVER], { encoding: 'utf8' });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--stdio/);
    assert.equal(run.stdout, '');
  });

  it('is the package\'s second bin, with a shebang', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    assert.equal(pkg.bin['postmortem-language-server'], './dist/server.js');
    assert.match(readFileSync(SERVER, 'utf8'), /^#!\/usr\/bin\/env node\n/);
  });
});

describe('language server initialize', () => {
  const workspace = tempWorkspace({ [`postmortems/${CLEAN_NAME}`]: CLEAN });
  let client: TestClient;
  before(async () => {
    client = await TestClient.start(workspace.folderUri);
  });
  after(async () => {
    await client.stop();
    workspace.cleanup();
  });

  it('declares incremental sync, quick fixes, fix-all, hover and the doc command', () => {
    const { capabilities, serverInfo } = client.initializeResult;
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2 });
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.postmortem'], resolveProvider: false });
    assert.equal(capabilities.hoverProvider, true);
    assert.deepEqual(capabilities.executeCommandProvider, { commands: ['postmortem.openRuleDoc'] });
    assert.deepEqual(serverInfo, { name: 'postmortem-language-server', version });
  });

  it('answers a request about a document it does not have with nothing, and keeps running', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: workspace.uri('nope.pm.yaml') }, position: { line: 0, character: 0 } });
    assert.equal(hover, null);
    assert.ok(client.alive);
  });
});

describe('language server initialize for the VS Code client', () => {
  const workspace = tempWorkspace({});
  let client: TestClient;
  before(async () => {
    client = await TestClient.start(workspace.folderUri, { initializationOptions: { handlesOpenRuleDoc: true } });
  });
  after(async () => {
    await client.stop();
    workspace.cleanup();
  });

  it('leaves postmortem.openRuleDoc to the client that implements it', () => {
    assert.equal(client.initializeResult.capabilities.executeCommandProvider, undefined);
  });
});
