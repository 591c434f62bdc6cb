import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { INVESTIGATION_ASL } from '../../lib/paths.js';
import { DEFINITION_FILE, readDefinition, substitute, taskStates } from '../../local/asl.js';
import { STAGE_FUNCTIONS, localFunctionArn } from '../../local/functions.js';

describe('one definition, two runtimes', () => {
  it('the local runtime loads the very file CDK deploys', () => {
    expect(fileURLToPath(DEFINITION_FILE)).toBe(INVESTIGATION_ASL);
    expect(readDefinition()).toBe(readFileSync(INVESTIGATION_ASL, 'utf8'));
  });

  it('the local runtime fills every placeholder CDK fills, and no other', () => {
    const placeholders = new Set([...readDefinition().matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]));
    expect(new Set(Object.keys(STAGE_FUNCTIONS))).toEqual(placeholders);
    const filled = substitute(readDefinition(), Object.fromEntries(Object.entries(STAGE_FUNCTIONS).map(([k, v]) => [k, localFunctionArn(v.name)])));
    expect(filled).not.toMatch(/\$\{/);
    expect(() => substitute('{"Resource": "${Unknown}"}', {})).toThrow(/no substitution for \$\{Unknown\}/);
  });

  it('binds every Task state locally and avoids ResultPath "$", which the local runner mishandles', () => {
    const definition = JSON.parse(readDefinition()) as { States: Record<string, Record<string, unknown>> };
    expect(taskStates(definition).map((t) => t.name).sort()).toEqual(
      ['Finish', 'LoadTenant', 'Policy', 'QueryProvider', 'Reason', 'Record', 'RecordFailure', 'Remediate', 'RequestApproval', 'Score', 'VerifyOutcome'].sort(),
    );
    expect(readDefinition()).not.toMatch(/"ResultPath":\s*"\$"/);
  });
});
