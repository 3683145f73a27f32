import { describe, expect, it } from 'vitest';
import { defaultReplyTemplates } from '../../main/intents/reply-templates';
import { isTemplateId, templateCatalog, withTemplateText } from '../../main/intents/template-catalog';

describe('template catalog', () => {
  it('lists every default template once, with staff wording where they edited it', () => {
    const all = Object.values(defaultReplyTemplates).flat();
    const first = all[0]!;
    const catalog = templateCatalog(withTemplateText({}, first.id, 'Mine, {firstName}'));
    expect(catalog.map((t) => t.id).sort()).toEqual(all.map((t) => t.id).sort());
    expect(catalog.find((t) => t.id === first.id)).toMatchObject({ text: 'Mine, {firstName}', defaultText: first.text, edited: true });
    expect(catalog.filter((t) => t.edited)).toHaveLength(1);
  });

  it('resets a template with null and knows which ids exist', () => {
    const id = Object.values(defaultReplyTemplates).flat()[0]!.id;
    expect(withTemplateText(withTemplateText({}, id, 'x'), id, null)).toEqual({});
    expect(isTemplateId(id)).toBe(true);
    expect(isTemplateId('no.such')).toBe(false);
  });
});
