import { describe, expect, it } from 'vitest';
import { towardShortage } from '../../../functions/score/core/kinds.js';

describe('a limit set to an expression written out with its value', () => {
  it('is read as set to that value: a parameter group that took max_connections from 3000 to 1708 lowered it', () => {
    expect(towardShortage('parameter group custom-pg13 -> default.postgres16 (max_connections 3000 -> LEAST(DBInstanceClassMemory/9531392,5000) = 1708)', 'connections')).toBe(true);
  });

  it('is not lowered when the value it came to is higher', () => {
    expect(towardShortage('max_connections 1000 -> GREATEST(DBInstanceClassMemory/9531392,1000) = 2400', 'connections')).toBe(false);
  });
});
