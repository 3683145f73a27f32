// What the member's newest text says beyond its intent, where it changes which reply fits: ClubOS
// answering CONFIRM with "No event was found so nothing has been confirmed" is tagged as a
// confirmation, but thanking the member for confirming would be untrue.
import { matchSystemText } from './system-texts';

export type SuggestionSituation = 'nothing_confirmed';

export function suggestionSituation(newestBody: string | null | undefined): SuggestionSituation | null {
  if (!newestBody) return null;
  const system = matchSystemText(newestBody);
  return system?.signal === 'system:confirm-no-event' ? 'nothing_confirmed' : null;
}
