// Tags may be intent keys (set by the classifier) or words staff typed; intents get their label.
import { INTENT_LABELS, isIntent } from '../../../common/intent-catalog';

export function tagLabel(tag: string): string {
  return isIntent(tag) ? INTENT_LABELS[tag] : tag;
}
