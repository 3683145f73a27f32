// SMS opt-out keywords as ClubOS applies them: STOP and CANCEL opt out (CANCEL is easy to
// mistake for a membership cancellation), START opts back in. A member's text counts when it
// is the bare keyword or the system text ClubOS puts in the inbox for it.

export type OptChange = 'out' | 'in' | null;

const OPT_OUT = /^(?:STOP|CANCEL)(?:\s*-\s*OPT OUT\b.*)?$/s;
const OPT_IN = /^START(?:\s*-\s*OPT IN\b.*)?$/s;

export function optChange(body: string): OptChange {
  const text = body.trim().toUpperCase();
  if (OPT_OUT.test(text)) return 'out';
  if (OPT_IN.test(text)) return 'in';
  return null;
}
