// The words the generated club is made of: names, and message templates shaped like the texts
// a real front desk receives (protocol §7.2). Placeholders in braces are filled by the composer:
// {trainer} a staff first name, {day} a weekday, {time} a clock time, {amount} a dollar amount,
// {class} a class name, {first} the member's own first name, {dia} a Spanish weekday.

export const FIRST_NAMES: readonly string[] = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
  'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Chris', 'Karen',
  'Daniel', 'Lisa', 'Matthew', 'Nancy', 'Anthony', 'Betty', 'Mark', 'Sandra', 'Steven', 'Ashley',
  'Andrew', 'Kimberly', 'Joshua', 'Emily', 'Kevin', 'Donna', 'Brian', 'Michelle', 'Ryan', 'Amanda',
  'Jacob', 'Melissa', 'Tyler', 'Stephanie', 'Brandon', 'Rebecca', 'Justin', 'Laura', 'Dylan', 'Megan',
  'José', 'María', 'Luis', 'Ana', 'Carlos', 'Sofía', 'Miguel', 'Lucía', 'Jorge', 'Camila',
  'Wei', 'Mei', 'Hiroshi', 'Yuki', 'Priya', 'Arjun', 'Aisha', 'Omar', 'Fatima', 'Kwame',
  'Zoë', 'Chloé', 'Renée', 'Siobhan', 'Liam', 'Noah', 'Olivia', 'Ava', 'Mia', 'Ethan',
  'DeShawn', 'Jamal', 'Keisha', 'Tanya', 'Bobby', 'Jo', 'Al', 'Mackenzie', 'Bryce', 'Hailey',
];

export const LAST_NAMES: readonly string[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores',
  'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts',
  "O'Brien", "O'Neill", 'McDonald', 'MacKenzie', 'Van Dyke', 'De la Cruz', 'St. James', 'Smith-Jones', 'Nowak', 'Kowalski',
  'Müller', 'Schröder', 'Núñez', 'Peña', 'Ibáñez', 'Okafor', 'Mensah', 'Patel', 'Shah', 'Kim',
  'Park', 'Chen', 'Wang', 'Tanaka', 'Sato', 'Haddad', 'Khan', 'Ali', 'Ivanov', 'Petrov',
];

export const CITY_NAMES: readonly string[] = [
  'Springfield', 'Riverside', 'Fairview', 'Franklin', 'Greenville', 'Madison', 'Georgetown', 'Clinton', 'Salem', 'Oak Park',
];

export const LOCATION_SUFFIXES: readonly string[] = ['Downtown', 'Westside', 'North', 'Main St', 'Crossroads', 'Lakeside'];

export const STAFF_ROLES: readonly string[] = ['Personal Trainer', 'Personal Trainer', 'Front Desk', 'Sales Associate', 'Personal Trainer', 'Club Manager'];

export const MEMBERSHIP_TYPES: readonly string[] = [
  'Monthly Access', 'Annual Paid In Full', '12 Month Agreement', 'Student Monthly', 'Couples Monthly', 'Corporate', 'Senior',
];

export const EMAIL_DOMAINS: readonly string[] = ['example.com', 'example.net', 'example.org', 'mail.example.com'];

export const AREA_CODES: readonly string[] = ['312', '773', '630', '847', '708', '815', '217', '309'];

export const WEEKDAYS: readonly string[] = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const WEEKDAYS_ES: readonly string[] = ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'];

export const CLASS_NAMES: readonly string[] = ['spin', 'HIIT', 'yoga', 'bootcamp', 'Zumba', 'small group'];

export const CLOCK_TIMES: readonly string[] = ['5:30', '6', '6am', '7:15', '8', '9:30', '12', 'noon', '3:30', '4', '5:15', '5:30pm', '6:30', '7'];

export const AMOUNTS: readonly string[] = ['$19.50', '$29.99', '$39.99', '$41.99', '$49.99', '$59', '$120', '$199', '$64.98', '$10'];

/** ClubOS appointment kinds in CONFIRM auto-texts, with their share of real confirmations. */
export const CONFIRM_SERVICES: ReadonlyArray<{ name: string; weight: number }> = [
  { name: 'Personal Training', weight: 154 },
  { name: 'Small Group Training', weight: 130 },
  { name: 'Appointment', weight: 13 },
  { name: 'Fitness Consultation', weight: 4 },
  { name: 'Meeting', weight: 1 },
];

export const SYSTEM_TEXTS = {
  stop: 'STOP - OPT OUT message received.  Texting has been disabled.',
  cancel: 'CANCEL - OPT OUT message received.  Texting has been disabled.',
  start: 'START - OPT IN message received.  Texting has been enabled.',
  confirmNoEvent: 'CONFIRM - No event was found so nothing has been confirmed.',
} as const;

export type FreeTopic = 'billing' | 'scheduling' | 'training' | 'door' | 'ack' | 'question' | 'health' | 'portal';

/** Topic weights of free-form member texts (acks and questions are the bulk, as in §7.2). */
export const TOPIC_WEIGHTS: Readonly<Record<FreeTopic, number>> = {
  ack: 17,
  scheduling: 20,
  billing: 15,
  training: 13,
  question: 14,
  door: 6,
  health: 6,
  portal: 4,
};

export const FREE_TEMPLATES: Readonly<Record<FreeTopic, readonly string[]>> = {
  billing: [
    'Hi, I was charged twice this month. Can someone look into it?',
    'Why was my card charged {amount}? I thought I was on the cheaper plan',
    "I get paid {day}, I'll pay then",
    'Can I update the card on file? My old one expired',
    'I got a late fee of $19.50 but I paid on time??',
    'How much is it to add my husband to my membership?',
    'Is there an annual fee? I just saw a charge for {amount}',
    "My payment didn't go through, can I pay at the front desk?",
    'Can I use my HSA card for personal training?',
    'I need a receipt for my last payment for my taxes',
    "I'd like to freeze my membership for a month",
    "How do I cancel my membership? I'm moving out of state",
    'Do you guys have a student discount?',
    'I paid the balance online yesterday, can you confirm you got it?',
    "What's the price for 10 PT sessions?",
    "Please don't run my card until Friday, I'll have the money then",
    "I was told I'd get a refund for the double charge & still haven't seen it",
    'Hey, my bank says there is a pending charge from you guys for {amount}. What is that for?',
    'Can I pay for the rest of the year up front?',
    'What is the cost for a day pass for my brother?',
  ],
  scheduling: [
    'Can we move {day} to {time}?',
    'Running late, be there in 10',
    'Running about 15 min late sorry!',
    'I need to reschedule my session on {day}',
    'Can I come in at {time} instead?',
    'Is {trainer} available {day} morning?',
    'Are you open on Memorial Day?',
    'What time is the front desk staffed on {day}?',
    "I can't make it today, something came up",
    'Is the {class} class still at {time} on {day}?',
    'Can I bring a friend tomorrow?',
    'Can we do {time} {day} instead of the usual?',
    'Stuck in traffic, going to be a few minutes late',
    "Can't make it tonight, can we do tomorrow?",
    'Is there still a spot in the {time} {class} class?',
    'What time do you close on Sunday?',
    'Can I book a fitness consultation this week?',
  ],
  training: [
    'Hey {trainer}, my legs are still sore from yesterday lol',
    'Can you send me the workout from today?',
    'What should I eat before my session?',
    'I want to sign up for personal training, who do I talk to?',
    'How many sessions do I have left?',
    '{trainer} is awesome, thank you!',
    'Can I switch trainers?',
    'Is {trainer} working {day}?',
    'Can I get a program for when I travel next week?',
    'Do you do small group training for beginners?',
    'Thanks {trainer}! Great session today',
    'What was the name of that stretch we did at the end?',
  ],
  door: [
    "The door is locked and my fob isn't working",
    "My key was deactivated? It won't let me in",
    'Key fob not working again',
    'I lost my key fob, how do I get a new one?',
    "The front door won't open, is the club closed?",
    'My tag beeps red at the door',
    'Can I get a second key for my daughter?',
    'Door is locked and nobody is at the desk',
  ],
  ack: [
    'Ok', 'K', 'Okay', 'Ok thanks', 'Thank you!', 'Thanks', 'Confirmed', 'Yes', 'Sounds good', 'Perfect',
    'Got it', 'Will do', 'See you then', 'Np', 'Thx', 'Ok thank you so much', 'Yes please', 'No thanks',
    'Thanks <3', 'Awesome, thanks!', 'Ok see you {day}', 'Great',
  ],
  question: [
    'Hi', 'Hey is anyone there?', 'Hello, who is this?', 'Who is this?',
    'Hi, I have a question about my membership',
    'Is the tanning bed working?',
    'Is the sauna fixed yet?',
    'Do you have a lost and found? I left my headphones',
    'Are towels provided?',
    'Can I get a copy of my contract?',
    'Can my membership be used at other locations?',
    'Is there parking in the back?',
    'Do you sell protein shakes at the desk?',
    'Hi this is {first}, can someone call me back?',
    'What are the staffed hours this week?',
    'My friend said there is a "bring a buddy" deal, is that still going?',
  ],
  health: [
    'I hurt my knee, doctor says no squats for 2 weeks',
    "Had a doctor's appointment come up, need to miss {day}",
    "I'm sick, won't make it tomorrow. Sorry {trainer}",
    'My back is acting up, can we take it easy this week?',
    "I'm having surgery next month, what are my options for my membership?",
  ],
  portal: [
    "I can't log into the member portal, it says my email isn't found",
    'The app says my membership is expired?',
    'How do I reset my password for the app?',
    'Can you send me the link to sign the waiver again?',
  ],
};

/** About 1% of real member texts are Spanish. */
export const SPANISH_TEMPLATES: readonly string[] = [
  'Hola, ¿a qué hora abren mañana?',
  '¡Gracias!',
  '¿Puedo pagar en efectivo?',
  'No puedo ir hoy, lo siento',
  'Mi llave no funciona',
  '¿Cuánto cuesta el entrenamiento personal?',
  'Hola, necesito cambiar mi cita del {dia}',
  'Buenos días, ¿está {trainer} hoy?',
  'Me cobraron dos veces este mes, ¿me pueden ayudar?',
];

export const EMOJI: readonly string[] = ['👍', '🙏', '💪', '💪🏼', '😂', '😊', '❤️', '🔥', '😅', '🏋️‍♀️', '👨‍👩‍👧', '🇲🇽', '🙌🏾', '😭', '🤞'];

/** Sentences strung together into the rare long texts (up to ~900 characters). */
export const LONG_SENTENCES: readonly string[] = [
  'Hi, I wanted to reach out about my account because something does not look right.',
  'Last month I was charged twice and I called the billing company but they told me to talk to the club.',
  "I've been a member for almost three years and I've never had a problem before.",
  'My schedule changed at work so mornings are really hard for me now.',
  'I would like to keep training with {trainer} if possible, just at a different time.',
  'Also my key fob stopped working on Tuesday and I had to wait outside until someone let me in.',
  'I am not trying to cancel, I just want to make sure I am not paying for sessions I cannot use.',
  'My doctor said I should avoid heavy lifting for a few weeks after the procedure.',
  'Could someone call me back when you get a chance? After 5 is best.',
  'Thank you for all the help, the staff there has always been great to me & my family.',
  'If it is easier I can stop by the desk on {day} around {time}.',
  'Please let me know what you need from me to get this sorted out.',
];

/** Staff texts and emails in the FollowUp logs of the generated history. */
export const STAFF_REPLIES: readonly string[] = [
  "Hi {first}, I'll look into it and get back to you today.",
  'No problem, see you then!',
  "You're all set for {day} at {time}.",
  "We've reset your key fob, give it another try.",
  "I've sent the receipt to your email.",
  'Hi {first}! Just checking in, we miss you at the club.',
  "Thanks for letting us know, feel better!",
  'Your session has been moved to {day} at {time}.',
  'Hi {first}, your payment was received. Thank you!',
  'The front desk is staffed until 7 tonight.',
];

export const CALL_NOTES: readonly string[] = [
  'Left voicemail about past due balance',
  'Spoke with member, resolved billing question',
  'No answer',
  'Called to confirm PT session',
];
