// Basic Spanish (about 1% of real inbox rows, protocol §7.2): the phrases a front desk sees most.
// Accents are already stripped by normalizeText, so "cuánto" is written "cuanto".
import { phrase, type KeywordRule } from './keyword-rule';

export const SPANISH_RULES: readonly KeywordRule[] = [
  { id: 'es.request.cita', intent: 'appointment_request', pattern: phrase(String.raw`\b(?:quiero|quisiera|necesito|puedo) (?:hacer |agendar |sacar |tener )?(?:una )?cita\b|\bagendar\b|\b(?:cambiar|mover) (?:mi |la )?(?:cita|sesion|clase)\b`), weight: 3 },
  { id: 'es.cancellation.no-puedo', intent: 'appointment_cancellation', pattern: phrase(String.raw`\bno (?:voy a poder|puedo|podre|voy a) (?:ir|llegar|asistir|venir)\b|\bcancelar (?:mi |la )?(?:cita|sesion|clase)\b|\bestoy enferm[oa]\b`), weight: 3 },
  { id: 'es.billing', intent: 'question_about_billing', pattern: phrase(String.raw`\b(?:cobr\w*|pago|pagos|pagar|factura|cargos?|reembolso|tarjeta|debo)\b`), weight: 3 },
  { id: 'es.membership', intent: 'question_about_membership', pattern: phrase(String.raw`\b(?:membresias?|inscri\w*|contrato|congelar)\b`), weight: 2.5 },
  { id: 'es.membership.cancel', intent: 'question_about_membership', pattern: phrase(String.raw`\bcancelar (?:mi |la )?(?:membresia|contrato|cuenta)\b`), weight: 2 },
  { id: 'es.price', intent: 'question_about_membership', pattern: phrase(String.raw`\b(?:cuanto (?:cuesta|es|vale)|precios?)\b`), weight: 1.5 },
  { id: 'es.training', intent: 'question_about_training', pattern: phrase(String.raw`\b(?:ejercicios?|rutina|entrenamiento|dieta|entrenador\w*)\b`), weight: 1.5 },
  { id: 'es.schedule', intent: 'question_about_schedule', pattern: phrase(String.raw`\b(?:a que hora|horarios?|abren|cierran|abierto)\b`), weight: 3 },
  { id: 'es.complaint', intent: 'complaint', pattern: phrase(String.raw`\b(?:sucio|queja|roto|molest\w*|pesimo)\b`), weight: 2.5 },
  { id: 'es.praise', intent: 'praise', pattern: phrase(String.raw`\b(?:gracias|excelente|muy bien|los quiero)\b`), weight: 1.5 },
  { id: 'es.human', intent: 'requires_human_response', pattern: phrase(String.raw`\b(?:llamame|llameme|urgente|lastim\w*|me cai|emergencia)\b`), weight: 3 },
  { id: 'es.greeting', intent: 'general_inquiry', pattern: phrase(String.raw`^(?:hola|buenas(?: tardes| noches)?|buenos dias)\b`), weight: 0.5 },
];
