import { describe, expect, it } from 'vitest';
import { matchSystemText } from '../../main/intents/system-texts';

describe('matchSystemText', () => {
  it('matches every CONFIRM service ClubOS names, and the no-event text', () => {
    for (const service of ['Personal Training', 'Small Group Training', 'Appointment', 'Fitness Consultation', 'Meeting']) {
      const body = `CONFIRM - ${service} at 5:30 AM on Feb 12, 2025 has been confirmed.`;
      expect(matchSystemText(body), body).toEqual({ intent: 'appointment_confirmation', signal: 'system:confirm', auto: true });
    }
    expect(matchSystemText('CONFIRM - No event was found so nothing has been confirmed.')).toEqual({
      intent: 'appointment_confirmation',
      signal: 'system:confirm-no-event',
      auto: true,
    });
  });

  it('names the keyword behind an opt-out or opt-in, whatever the spacing', () => {
    expect(matchSystemText('STOP - OPT OUT message received.  Texting has been disabled.')?.signal).toBe('system:opt-out:stop');
    expect(matchSystemText('CANCEL - OPT OUT message received. Texting has been disabled.')?.signal).toBe('system:opt-out:cancel');
    expect(matchSystemText('START - OPT IN message received.\nTexting has been enabled.')).toEqual({ intent: 'opt_in', signal: 'system:opt-in:start', auto: true });
  });

  it('does not mistake member sentences that merely contain the keywords', () => {
    for (const body of ['Please stop charging me', 'cancel my session', 'I confirm I will be there', 'Start date for my membership?', 'STOP IT']) {
      expect(matchSystemText(body), body).toBeNull();
    }
  });
});
