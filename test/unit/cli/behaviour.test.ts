import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const startLocalStack = vi.hoisted(() => vi.fn(async () => {
  throw new Error('the local stack was started');
}));
vi.mock('../../../local/stack.js', () => ({ startLocalStack }));

const { main } = await import('../../../cli/main.js');
const { replayCommand } = await import('../../../cli/golden-commands.js');

const dir = mkdtempSync(join(tmpdir(), 'causeway-cli-'));
const write = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const malformed = write('malformed.json', '{ "format": ');
const notAScenario = write('not-a-scenario.json', JSON.stringify({ name: 'x' }));
const GOLDEN = { format: 'causeway.golden/v1', capturedAt: '2027-01-15T10:00:00.000Z', tenant: { tenantId: 'acme' }, signal: { source: 'generic', body: {}, receivedAt: '2027-01-15T10:00:00.000Z' }, exchanges: [], result: { suspects: [], providers: [] } };

let stderr: string;
beforeEach(() => {
  stderr = '';
  startLocalStack.mockClear();
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

describe('files are checked before the local stack starts', () => {
  it.each([
    ['investigate', ['investigate', join(dir, 'missing.json')], 'missing.json: not a readable JSON file'],
    ['investigate', ['investigate', notAScenario], 'not-a-scenario.json: not a causeway.scenario/v1 file'],
    ['eval', ['eval', join(dir, 'no-such-folder')], 'no-such-folder: no such file or folder'],
    ['eval', ['eval', malformed], 'malformed.json: not a readable JSON file'],
    ['replay', ['replay', malformed], 'malformed.json: not a readable JSON file'],
    ['tenant put', ['tenant', 'put', malformed], 'malformed.json: not a readable JSON file'],
    ['capture', ['capture', malformed, '--tenant', 'acme', '--source', 'generic', '--out', join(dir, 'out.json')], 'malformed.json: not a readable JSON file'],
  ])('%s fails fast naming the file, exit 2', async (_, argv, message) => {
    expect(await main(argv)).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toMatch(/^causeway: \//);
    expect(startLocalStack).not.toHaveBeenCalled();
  });
});

describe('replay names its file in every error', () => {
  it('prefixes a failure after the file was read with the file', async () => {
    const golden = write('golden.json', JSON.stringify(GOLDEN));
    await expect(replayCommand(golden, false, () => {})).rejects.toThrow(`${golden}: the local stack was started`);
  });
});

describe('commands load lazily', () => {
  it('main imports no command module, so --help loads none of them', async () => {
    const source = readFileSync(new URL('../../../cli/main.ts', import.meta.url), 'utf8');
    const staticImports = [...source.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(staticImports).toEqual(['node:util', './file-error.js', './style.js']);
    let stdout = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });
    expect(await main(['--help'])).toBe(0);
    expect(stdout).toContain('usage:');
  });
});
