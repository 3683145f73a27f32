import { describe, expect, it } from 'vitest';
import { optChange } from '../../main/clubos-simulator/opt-out';

describe('simulator opt-out keywords', () => {
  it('treats STOP and CANCEL (bare or as ClubOS system texts) as opt-outs and START as opt-in', () => {
    expect(optChange('STOP')).toBe('out');
    expect(optChange(' stop ')).toBe('out');
    expect(optChange('Cancel')).toBe('out');
    expect(optChange('STOP - OPT OUT message received.  Texting has been disabled.')).toBe('out');
    expect(optChange('CANCEL - OPT OUT message received.  Texting has been disabled.')).toBe('out');
    expect(optChange('START')).toBe('in');
    expect(optChange('START - OPT IN message received.  Texting has been enabled.')).toBe('in');
  });

  it('ignores the words inside ordinary texts', () => {
    for (const body of ['Please stop charging me', 'I want to cancel my membership', 'Can we start at 6?', 'STOPPED by the desk', 'CONFIRM']) {
      expect(optChange(body)).toBeNull();
    }
  });
});
