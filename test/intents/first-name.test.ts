import { describe, expect, it } from 'vitest';
import { firstNameOf } from '../../main/intents/first-name';

describe('firstNameOf', () => {
  it('takes the first token and capitalizes names typed in one case', () => {
    expect(firstNameOf('Jane Doe')).toBe('Jane');
    expect(firstNameOf('JANE DOE')).toBe('Jane');
    expect(firstNameOf('  mary-kate   olsen ')).toBe('Mary-Kate');
    expect(firstNameOf("o'brien")).toBe("O'Brien");
    expect(firstNameOf('josé garcía')).toBe('José');
  });

  it('keeps deliberate mixed case and reads "Last, First"', () => {
    expect(firstNameOf('DeShawn Carter')).toBe('DeShawn');
    expect(firstNameOf('Doe, Jane')).toBe('Jane');
  });

  it('says "there" when the name is unknown', () => {
    for (const name of ['', '   ', null, undefined, 'Unknown', '555-0142', '(Prospect)']) {
      expect(firstNameOf(name), String(name)).toBe('there');
    }
  });
});
