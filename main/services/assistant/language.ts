// Which language to draft in: the member's. Spanish when the text reads as Spanish, else English.
export type Language = 'en' | 'es';

const SPANISH = /(?:^|[^\p{L}])(?:hola|buen[oa]s|gracias|quiero|quisiera|puedo|puede|cu[aá]nto|cu[aá]l|c[oó]mo|d[oó]nde|cu[aá]ndo|qu[eé]|horario|ma[ñn]ana|hoy|membres[ií]a|cita|clase|clases|entrenador|precio|congelar|cancelar|invitad[oa]|estacionamiento|abren|cierran|est[aá]n|tienen|tengo|por favor|necesito|mi|el|la|los|las|una?|para|con|del?)(?=$|[^\p{L}])/giu;
const ENGLISH = /(?:^|[^\p{L}])(?:the|is|are|what|when|where|how|can|my|you|your|do|does|i|i'm|to|for|and|hi|hello|thanks|please|open|hours)(?=$|[^\p{L}])/giu;

export function languageOf(text: string): Language {
  const es = [...text.matchAll(SPANISH)].length + (/[ñ¿¡]/u.test(text) ? 2 : 0);
  const en = [...text.matchAll(ENGLISH)].length;
  return es >= 2 && es > en ? 'es' : 'en';
}
