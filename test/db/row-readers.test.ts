// The row readers' warm-up (db/rows.ts) parses a sample conversation row; a schema that grows a
// required column the sample lacks would make the warm-up fail at every start (the core logs it
// and goes on, slower on its first reads). This keeps the sample a valid row.
import { describe, expect, it } from 'vitest';
import { warmUpRowReaders } from '../../db';

describe('warming up the row readers', () => {
  it('parses its sample row without an error', () => {
    expect(() => warmUpRowReaders()).not.toThrow();
  });
});
