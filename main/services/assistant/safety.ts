// Words that make a message a person's job whatever the classifier said: injuries, medical
// symptoms, threats, harassment, minors, legal words. Deliberately broad: a false flag costs a
// person a look; a missed one sends a bot reply to someone who is hurt or angry.
export const SAFETY_FLAGS = ['injury', 'medical', 'threat', 'harassment', 'minor', 'legal'] as const;
export type SafetyFlag = (typeof SAFETY_FLAGS)[number];

const RULES: ReadonlyArray<[SafetyFlag, RegExp]> = [
  [
    'injury',
    /(?<![\p{L}\p{N}])(?:injur(?:y|ies|ed)|hurt|hurts|bleed(?:ing)?|blood|broke (?:my|his|her)|broken (?:arm|leg|wrist|ankle|bone|nose|finger|toe)|sprain(?:ed)?|twisted (?:my )?(?:ankle|knee|back)|fell|fall(?:en)? (?:off|on|down)|slipped|concussion|stitches|ambulance|er visit|emergency room|lesi[oó]n|lastim(?:é|e|ado|ada|ó)|herid[oa]|me ca[ií]|sangr(?:e|ando))(?![\p{L}\p{N}])/iu,
  ],
  [
    'medical',
    /(?<![\p{L}\p{N}])(?:chest pain|heart attack|can'?t breathe|short(?:ness)? of breath|faint(?:ed)?|passed out|dizz(?:y|iness)|seizure|stroke|unconscious|allergic reaction|diabet(?:ic|es) (?:attack|emergency)|pregnan(?:t|cy)|doctor said|hospital(?:ized)?|surgery|medication|dolor (?:de|en el) pecho|desmay(?:é|e|o|ado)|mare(?:o|ado|ada)|embarazada|hospital)(?![\p{L}\p{N}])/iu,
  ],
  [
    'threat',
    /(?<![\p{L}\p{N}])(?:kill|hurt you|beat (?:you|him|her) up|threat(?:en(?:ed|ing)?)?|weapon|gun|knife|bomb|shoot|i know where you|you(?:'ll| will) regret|watch your back|te voy a|amenaz(?:a|ó|o|ar))(?![\p{L}\p{N}])/iu,
  ],
  [
    'harassment',
    /(?<![\p{L}\p{N}])(?:harass(?:ed|ing|ment)?|creep(?:y)?|stalk(?:ing|ed|er)?|touched me|inappropriate(?:ly)?|sexual|made me uncomfortable|following me|acoso|acos(?:ó|a|ando)|me toc(?:ó|o))(?![\p{L}\p{N}])/iu,
  ],
  [
    'minor',
    /(?<![\p{L}\p{N}])(?:my (?:son|daughter|kid|child|kids|children)|(?:1[0-7]|[5-9]) ?(?:years? old|yo|y\/o)|under ?18|minor|teen(?:ager)?|high school(?:er)?|mi hij[oa]|menor de edad|(?:1[0-7]|[5-9]) a[ñn]os)(?![\p{L}\p{N}])/iu,
  ],
  [
    'legal',
    /(?<![\p{L}\p{N}])(?:lawyer|attorney|sue|suing|lawsuit|legal action|court|small claims|police|cops|report(?:ing)? (?:you|this) to|bbb|better business bureau|attorney general|consumer protection|chargeback|fraud|abogad[oa]|demanda(?:r)?|polic[ií]a|fraude)(?![\p{L}\p{N}])/iu,
  ],
];

/** Every flag the text raises, in catalog order. */
export function safetyFlags(text: string): SafetyFlag[] {
  const normalized = text.normalize('NFKC').replace(/[’‘]/gu, "'");
  return RULES.filter(([, pattern]) => pattern.test(normalized)).map(([flag]) => flag);
}
