import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EVIDENCE_ASL, INVESTIGATION_ASL } from '../../lib/paths.js';
import { DEFINITION_FILE, EVIDENCE_DEFINITION_FILE, readDefinition, substitute, taskStates } from '../../local/asl.js';
import { STAGE_FUNCTIONS, localFunctionArn } from '../../local/functions.js';

const bothFiles = () => readDefinition() + readDefinition(EVIDENCE_DEFINITION_FILE);

describe('one definition, two runtimes', () => {
  it('the local runtime loads the very files CDK deploys', () => {
    expect(fileURLToPath(DEFINITION_FILE)).toBe(INVESTIGATION_ASL);
    expect(readDefinition()).toBe(readFileSync(INVESTIGATION_ASL, 'utf8'));
    expect(fileURLToPath(EVIDENCE_DEFINITION_FILE)).toBe(EVIDENCE_ASL);
    expect(readDefinition(EVIDENCE_DEFINITION_FILE)).toBe(readFileSync(EVIDENCE_ASL, 'utf8'));
  });

  it('the local runtime fills every placeholder CDK fills, and no other', () => {
    const placeholders = new Set([...bothFiles().matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]));
    expect(new Set([...Object.keys(STAGE_FUNCTIONS), 'EvidenceStateMachineArn'])).toEqual(placeholders);
    const values = { ...Object.fromEntries(Object.entries(STAGE_FUNCTIONS).map(([k, v]) => [k, localFunctionArn(v.name)])), EvidenceStateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:causeway-evidence' };
    expect(substitute(bothFiles(), values)).not.toMatch(/\$\{/);
    expect(() => substitute('{"Resource": "${Unknown}"}', {})).toThrow(/no substitution for \$\{Unknown\}/);
  });

  it('binds every Task state locally and avoids ResultPath "$", which the local runner mishandles', () => {
    const tasks = (text: string) => taskStates(JSON.parse(text) as { States: Record<string, Record<string, unknown>> }).map((t) => t.name).sort();
    expect(tasks(readDefinition())).toEqual(['Finish', 'GatherEvidence', 'Policy', 'Reason', 'Record', 'RecordFailure', 'Remediate', 'RequestApproval', 'VerifyOutcome'].sort());
    expect(tasks(readDefinition(EVIDENCE_DEFINITION_FILE))).toEqual(['LoadTenant', 'QueryProvider', 'Score']);
    expect(bothFiles()).not.toMatch(/"ResultPath":\s*"\$"/);
  });
});
