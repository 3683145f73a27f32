// English phrase features per intent. Weights: 3 is a phrase that nearly settles the intent,
// 2–2.5 a strong hint, 1–1.5 a hint that only helps alongside others. Written from the protocol
// notes' topic list (§7.2) and front-desk experience, not fitted line by line to the eval set.
import { DAY, TIME, WHEN, phrase, type KeywordRule } from './keyword-rule';

const appointmentRequest: KeywordRule[] = [
  { id: 'request.reschedule', intent: 'appointment_request', pattern: phrase(String.raw`\b(?:re-?schedul\w*|rebook\w*)\b`), weight: 3 },
  // "cancel tomorrow and rebook Friday" is a move, not a cancellation.
  { id: 'request.cancel-and-rebook', intent: 'appointment_request', pattern: phrase(String.raw`\bcancel\w*\b.{0,40}\b(?:rebook\w*|reschedul\w*|move|instead)\b`), weight: 2 },
  { id: 'request.book', intent: 'appointment_request', pattern: phrase(String.raw`\b(?:book(?:ed|ing)?|schedule (?:me|my|a|an|us)|to schedule|set (?:me )?up (?:a|an|my|with)|set me up|sign me up|put me (?:down|in)|pencil me in|fit me in|get me in)\b`), weight: 2.5 },
  { id: 'request.move', intent: 'appointment_request', pattern: phrase(String.raw`\b(?:move|push|bump)\b.{0,20}\b(?:to|back|up|earlier|later)\b|\bmove (?:me|my|it|us)\b`), weight: 2.5 },
  { id: 'request.switch', intent: 'appointment_request', pattern: phrase(String.raw`\b(?:switch|change)\b.{0,15}\b(?:session|class|appointment|appt|time|day|${DAY})\b`), weight: 2 },
  { id: 'request.instead', intent: 'appointment_request', pattern: phrase(String.raw`\binstead\b`), weight: 2 },
  { id: 'request.availability', intent: 'appointment_request', pattern: phrase(String.raw`\b(?:openings?|availability|available|spots?|slots?|anything open|any room|earliest)\b`), weight: 2 },
  { id: 'request.can-we', intent: 'appointment_request', pattern: phrase(String.raw`\b(?:can|could) (?:we|i|you) (?:do|meet|come in|get in|go|train)\b`), weight: 1.5 },
  { id: 'request.get-in-with', intent: 'appointment_request', pattern: phrase(String.raw`\bget in with\b`), weight: 2.5 },
  { id: 'request.same-time', intent: 'appointment_request', pattern: phrase(String.raw`\bsame time\b`), weight: 2 },
  { id: 'request.when-meet', intent: 'appointment_request', pattern: phrase(String.raw`\bwhen can (?:we|i|you)\b`), weight: 1.5 },
  { id: 'request.service', intent: 'appointment_request', pattern: phrase(String.raw`\b(?:tour|consult(?:ation)?|assessment|inbody|body ?comp\w*|scan|goal session|orientation)\b`), weight: 1.5 },
  { id: 'request.with-trainer', intent: 'appointment_request', pattern: phrase(String.raw`\bwith (?:a|my|the|your) (?:trainer|coach)\b`), weight: 1.5 },
  { id: 'request.time', intent: 'appointment_request', pattern: phrase(String.raw`\b${TIME}(?!\w)`), weight: 0.75 },
  { id: 'request.when', intent: 'appointment_request', pattern: phrase(String.raw`\b${WHEN}\b`), weight: 0.5 },
];

const appointmentCancellation: KeywordRule[] = [
  {
    id: 'cancellation.cancel-session',
    intent: 'appointment_cancellation',
    // Stops at "membership": "cancel my membership tomorrow" is not a session.
    pattern: phrase(String.raw`\bcancel\w*\b(?:(?!membership|contract).){0,30}\b(?:sessions?|appt|appointments?|class(?:es)?|training|pt|small group|${WHEN}|${TIME})(?!\w)`),
    weight: 3,
  },
  { id: 'cancellation.cant-make', intent: 'appointment_cancellation', pattern: phrase(String.raw`\b(?:cant|can not|cannot|wont|will not|not going to|not gonna|unable to|not able to)\b.{0,15}\b(?:make it|make|come|be there|be in|attend|get there)\b`), weight: 3 },
  { id: 'cancellation.wont-be', intent: 'appointment_cancellation', pattern: phrase(String.raw`\b(?:will not|wont|not) be (?:at|in|there|coming|able)\b`), weight: 3 },
  { id: 'cancellation.miss', intent: 'appointment_cancellation', pattern: phrase(String.raw`\b(?:miss|missing|skip|skipping|sit out|sitting out|call off|calling off|take me off|bail|bailing)\b`), weight: 2.5 },
  { id: 'cancellation.something-came-up', intent: 'appointment_cancellation', pattern: phrase(String.raw`\b(?:something came up|got called in(?:to work)?|have to work)\b`), weight: 1.5 },
  { id: 'cancellation.unwell', intent: 'appointment_cancellation', pattern: phrase(String.raw`\b(?:sick|ill|fever|flu|covid|not feeling (?:well|good)|doctors?|doc|surgery|hospital)\b|\u{1F637}|\u{1F912}|\u{1F927}`), weight: 1 },
  { id: 'cancellation.away', intent: 'appointment_cancellation', pattern: phrase(String.raw`\b(?:out of town|vacation|traveling|travelling|flying out|business trip)\b`), weight: 1 },
];

const billing: KeywordRule[] = [
  { id: 'billing.charge', intent: 'question_about_billing', pattern: phrase(String.raw`\b(?:charg(?:e|es|ed|ing)|overcharg\w*)\b`), weight: 3 },
  { id: 'billing.pay', intent: 'question_about_billing', pattern: phrase(String.raw`\b(?:pay|paid|paying|payments?|auto ?pay|draft(?:ed)?)\b`), weight: 2.5 },
  { id: 'billing.account-money', intent: 'question_about_billing', pattern: phrase(String.raw`\b(?:bill|billed|billing|balance|owe|past due|late fee|fees?|refund\w*|invoice|receipts?|statement|reimburs\w*)\b`), weight: 2.5 },
  { id: 'billing.card', intent: 'question_about_billing', pattern: phrase(String.raw`\b(?:card on file|credit card|debit card|cards?|bank|cash|hsa|fsa|routing)\b`), weight: 2 },
  { id: 'billing.amount', intent: 'question_about_billing', pattern: phrase(String.raw`\$ ?\d`), weight: 1.5 },
  { id: 'billing.payday', intent: 'question_about_billing', pattern: phrase(String.raw`\b(?:i get paid|payday|pay ?check)\b`), weight: 3 },
  { id: 'billing.money', intent: 'question_about_billing', pattern: phrase(String.raw`\b(?:money|afford)\b`), weight: 1 },
];

const membership: KeywordRule[] = [
  { id: 'membership.membership', intent: 'question_about_membership', pattern: phrase(String.raw`\bmemberships?\b`), weight: 2.5 },
  { id: 'membership.cancel', intent: 'question_about_membership', pattern: phrase(String.raw`\bcancel\w*\b.{0,25}\b(?:membership|contract|account)\b`), weight: 2 },
  { id: 'membership.freeze', intent: 'question_about_membership', pattern: phrase(String.raw`\b(?:freeze|unfreeze|froze|frozen|pause|on hold)\b`), weight: 2.5 },
  {
    id: 'membership.plan',
    intent: 'question_about_membership',
    pattern: phrase(String.raw`\b(?:contract|month to month|(?:basic|premium|black card|membership) plan|upgrade|downgrade|transfer|tanning|guests?|buddy pass|add (?:my|a) \w+|students?|discounts?|corporate|specials?|promo\w*|enroll\w*|sign (?:\w+ ){0,2}up|join(?:ing)?|new members?|still active)\b`),
    weight: 2,
  },
  { id: 'membership.price', intent: 'question_about_membership', pattern: phrase(String.raw`\b(?:how much|price|prices|pricing|costs?|rates?)\b`), weight: 1.5 },
  { id: 'membership.locations', intent: 'question_about_membership', pattern: phrase(String.raw`\b(?:other locations?|any location|another (?:gym|location)|out of state|travel)\b`), weight: 1.5 },
];

const training: KeywordRule[] = [
  { id: 'training.trainer', intent: 'question_about_training', pattern: phrase(String.raw`\b(?:personal train\w*|pt|small group training|trainers?|coach)\b`), weight: 1.5 },
  {
    id: 'training.programming',
    intent: 'question_about_training',
    pattern: phrase(String.raw`\b(?:workouts?|exercises?|program(?:s|me)?|routine|meal plan|nutrition|diet|eat|eating|protein|calories|lose weight|weight loss|muscle|reps|cardio|stretch\w*|lunges|squats?|legs|marathon|prenatal|postpartum|seniors?|mobility)\b`),
    weight: 2,
  },
  { id: 'training.packages', intent: 'question_about_training', pattern: phrase(String.raw`\b(?:packages?|challenge|includes?|recommend\w*|how many sessions|per week|(?:x|times) a week)\b`), weight: 1.5 },
  { id: 'training.price', intent: 'question_about_training', pattern: phrase(String.raw`\b(?:how much|price|cost|rates?)\b.{0,30}\b(?:personal train\w*|pt|sessions?|packages?|trainers?|training)\b`), weight: 2.5 },
  { id: 'training.advice', intent: 'question_about_training', pattern: phrase(String.raw`\b(?:is it ok to|should i|what should i|alternatives?|build (?:me )?a (?:plan|program))\b`), weight: 1.5 },
];

const schedule: KeywordRule[] = [
  { id: 'schedule.hours', intent: 'question_about_schedule', pattern: phrase(String.raw`\b(?:hours|staffed|24 ?7|24/7)\b`), weight: 2.5 },
  { id: 'schedule.what-time', intent: 'question_about_schedule', pattern: phrase(String.raw`\bwhat time (?:do|does|is|are)\b`), weight: 2.5 },
  { id: 'schedule.open-close', intent: 'question_about_schedule', pattern: phrase(String.raw`\b(?:open|opens|close|closes|closing)\b`), weight: 2 },
  { id: 'schedule.holiday', intent: 'question_about_schedule', pattern: phrase(String.raw`\b(?:thanksgiving|christmas|xmas|new years?|easter|holidays?|memorial day|labor day|july 4(?:th)?|4th of july|fourth of july)\b`), weight: 2 },
  { id: 'schedule.classes', intent: 'question_about_schedule', pattern: phrase(String.raw`\b(?:spin|yoga|zumba|pilates|boot ?camp|hiit|group fitness|classes)\b`), weight: 1.5 },
  // "the schedule" as a noun; "take me off the schedule" is a cancellation.
  { id: 'schedule.timetable', intent: 'question_about_schedule', pattern: phrase(String.raw`(?<!off )\b(?:the|class|group|fitness|this weeks?|your) schedule\b`), weight: 2 },
  { id: 'schedule.when-does', intent: 'question_about_schedule', pattern: phrase(String.raw`\b(?:when does|when is|what days|which days)\b`), weight: 1.5 },
  { id: 'schedule.staff-working', intent: 'question_about_schedule', pattern: phrase(String.raw`\b(?:is|are) \w+ (?:working|in) (?:today|tonight|tomorrow|this|on|${DAY})\b`), weight: 2 },
];

const complaint: KeywordRule[] = [
  { id: 'complaint.dirty', intent: 'complaint', pattern: phrase(String.raw`\b(?:filthy|dirty|gross|disgusting|nasty|smells?|overflowing|no (?:paper towels|toilet paper|soap))\b`), weight: 2.5 },
  { id: 'complaint.broken', intent: 'complaint', pattern: phrase(String.raw`\b(?:broken|out of order|not working|doesnt work|dont work|isnt working|stopped working)\b`), weight: 2 },
  { id: 'complaint.feeling', intent: 'complaint', pattern: phrase(String.raw`\b(?:rude|unacceptable|not acceptable|ridiculous|frustrat\w*|disappoint\w*|terrible|awful|horrible|worst|upset|annoy\w*|fed up|sick of|tired of)\b`), weight: 2.5 },
  { id: 'complaint.hazard', intent: 'complaint', pattern: phrase(String.raw`\b(?:dangerous|unsafe|not safe|hazard)\b`), weight: 2 },
  { id: 'complaint.environment', intent: 'complaint', pattern: phrase(String.raw`\b(?:too (?:loud|hot|cold|crowded)|no hot water|cold water|ac|air conditioning|heat|temperature|degrees|music)\b`), weight: 2 },
  { id: 'complaint.repeated', intent: 'complaint', pattern: phrase(String.raw`\b(?:again|every time|third time|always|keeps?)\b`), weight: 0.75 },
  { id: 'complaint.no-show', intent: 'complaint', pattern: phrase(String.raw`\b(?:no[- ]?show\w*|didnt show|never showed|didnt even)\b`), weight: 2.5 },
  { id: 'complaint.no-callback', intent: 'complaint', pattern: phrase(String.raw`\b(?:nobody|no one|noone) (?:calls?|called|answers?|responds?|got back|gets back)\b|\bnever (?:called|heard) back\b`), weight: 2.5 },
  { id: 'complaint.paying-for-this', intent: 'complaint', pattern: phrase(String.raw`\b(?:i|we) pay for this\b|\bfor what (?:we|i) pay\b`), weight: 2.5 },
  { id: 'complaint.fix', intent: 'complaint', pattern: phrase(String.raw`\bfix (?:it|them|this)\b|\bbe fixed\b`), weight: 1 },
  { id: 'complaint.emoji', intent: 'complaint', pattern: phrase(String.raw`[\u{1F621}\u{1F92C}\u{1F624}\u{1F44E}\u{1F620}]`), weight: 2 },
];

const praise: KeywordRule[] = [
  { id: 'praise.thanks', intent: 'praise', pattern: phrase(String.raw`\b(?:thank you|thanks|thank u|thx|ty|tysm|appreciate\w*)\b`), weight: 1.5 },
  { id: 'praise.compliment', intent: 'praise', pattern: phrase(String.raw`\b(?:amazing|awesome|great (?:job|session|workout|class)|best|excellent|fantastic|wonderful|spotless|love|loved|incredible|shout ?out|proud|glad)\b`), weight: 2 },
  { id: 'praise.emoji', intent: 'praise', pattern: phrase(String.raw`[\u2764\u{1F4AA}\u{1F64C}\u{1F970}\u{1F60D}\u{1F389}]`), weight: 1.5 },
];

const spam: KeywordRule[] = [
  { id: 'spam.link', intent: 'spam', pattern: phrase(String.raw`(?:https?://|www\.|bit\.ly/|\b[a-z0-9-]+\.(?:com|co|biz|net|info|xyz|io|ly)\b)`), weight: 2.5 },
  {
    id: 'spam.pitch',
    intent: 'spam',
    pattern: phrase(String.raw`\b(?:congratulations|youve been selected|you have been selected|claim (?:now|your)|free audit|reply yes|google ranking|seo|leads|merchant services|processing fees|warranty|crypto|bitcoin|work from home|from home|wholesale|factory prices|catalog|verify (?:at|your)|apple id|could not be delivered|final notice|limited time|act now|dm me|click here)\b`),
    weight: 3,
  },
  { id: 'spam.money', intent: 'spam', pattern: phrase(String.raw`\$\$|\b\d+x\b|\bfree\b`), weight: 1 },
];

const needsPerson: KeywordRule[] = [
  { id: 'human.fob', intent: 'requires_human_response', pattern: phrase(String.raw`\b(?:fobs?|key ?card|key ?tag|access card)\b`), weight: 3 },
  { id: 'human.access-broken', intent: 'requires_human_response', pattern: phrase(String.raw`\b(?:key|fob|app|card|door|doors)\b.{0,25}\b(?:not working|isnt working|stopped working|doesnt work|wont (?:work|open|scan|let)|deactivated|disabled|locked)\b`), weight: 3 },
  { id: 'human.locked-out', intent: 'requires_human_response', pattern: phrase(String.raw`\b(?:locked out|cant get in|let me in|cant check in|door is locked|doors are locked)\b`), weight: 3 },
  { id: 'human.injury', intent: 'requires_human_response', pattern: phrase(String.raw`\b(?:hurt|injur\w*|slipped|fell|pulled (?:something|a muscle)|swollen|swelling|bleeding|ambulance|emergency|911|concussion|passed out|fainted)\b`), weight: 3 },
  { id: 'human.safety', intent: 'requires_human_response', pattern: phrase(String.raw`\b(?:dont feel safe|following me|followed me|harass\w*|creep\w*|threat\w*|stalk\w*|police|cops|stolen|stole|theft|broke into|break in|cameras?)\b`), weight: 3.5 },
  { id: 'human.legal', intent: 'requires_human_response', pattern: phrase(String.raw`\b(?:lawyer|attorney|legal|lawsuit|sue|suing|court)\b`), weight: 3.5 },
  { id: 'human.bereavement', intent: 'requires_human_response', pattern: phrase(String.raw`\b(?:passed away|died|death|funeral)\b`), weight: 3.5 },
  { id: 'human.call-me', intent: 'requires_human_response', pattern: phrase(String.raw`\b(?:call me|give me a call|talk on the phone|speak (?:to|with) (?:a|the) manager|speak to someone|talk to (?:a|the) manager)\b`), weight: 2.5 },
  { id: 'human.urgent', intent: 'requires_human_response', pattern: phrase(String.raw`\b(?:urgent|urgently|asap|right now|immediately)\b`), weight: 1.5 },
  { id: 'human.at-the-door', intent: 'requires_human_response', pattern: phrase(String.raw`\b(?:here now|at the door|outside)\b`), weight: 1 },
];

const general: KeywordRule[] = [
  { id: 'general.arrival', intent: 'general_inquiry', pattern: phrase(String.raw`\b(?:running late|running behind|be there (?:in|at)|on my way|omw|stuck in traffic|min(?:ute)?s? (?:out|late|away)|im here|here at the)\b`), weight: 3 },
  { id: 'general.lost-found', intent: 'general_inquiry', pattern: phrase(String.raw`\b(?:lost (?:and|&) found|left my|turn(?:ed)? in|did anyone find|forgot my)\b`), weight: 3 },
  { id: 'general.amenities', intent: 'general_inquiry', pattern: phrase(String.raw`\b(?:wi-?fi|password|address|parking|park|gift cards?|sell|shakes?|supplements?|towels?|email|phone number|new number|is this the gym|who is this|whos this|wrong number)\b`), weight: 2.5 },
  { id: 'general.greeting', intent: 'general_inquiry', pattern: phrase(String.raw`^(?:hi|hey|hello|good (?:morning|afternoon|evening))\b`), weight: 0.5 },
  { id: 'general.callback-later', intent: 'general_inquiry', pattern: phrase(String.raw`\b(?:call you back|text you back|get back to you|talk (?:to you )?later)\b`), weight: 2 },
];

export const ENGLISH_RULES: readonly KeywordRule[] = [
  ...needsPerson,
  ...appointmentCancellation,
  ...appointmentRequest,
  ...billing,
  ...membership,
  ...training,
  ...schedule,
  ...complaint,
  ...spam,
  ...praise,
  ...general,
];
