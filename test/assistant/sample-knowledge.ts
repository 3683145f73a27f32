// A club's knowledge as staff would fill it in: a 24/7 club with staffed hours, one holiday, two
// plans, policies, classes, trainers and a few Q&A entries. The tests and the evaluation use it.
import { knowledgeSchema, type Knowledge } from '../../common/knowledge';

export const SAMPLE_KNOWLEDGE: Knowledge = knowledgeSchema.parse({
  clubName: 'Anytime Fitness Riverside',
  openingHours: {
    mon: [{ from: '00:00', to: '24:00' }],
    tue: [{ from: '00:00', to: '24:00' }],
    wed: [{ from: '00:00', to: '24:00' }],
    thu: [{ from: '00:00', to: '24:00' }],
    fri: [{ from: '00:00', to: '24:00' }],
    sat: [{ from: '00:00', to: '24:00' }],
    sun: [{ from: '00:00', to: '24:00' }],
  },
  staffedHours: {
    mon: [{ from: '09:00', to: '19:00' }],
    tue: [{ from: '09:00', to: '19:00' }],
    wed: [{ from: '09:00', to: '19:00' }],
    thu: [{ from: '09:00', to: '19:00' }],
    fri: [{ from: '09:00', to: '17:00' }],
    sat: [{ from: '10:00', to: '14:00' }],
    sun: [],
  },
  holidays: [{ date: '2026-12-25', name: 'Christmas Day', open: [], staffed: [] }],
  address: '1420 River Road, Suite 3, Springfield',
  parking: 'Free parking in the lot behind the building; the side door opens with your key fob.',
  plans: [
    { name: 'Monthly', price: '$39.99 a month', details: 'no contract, $49 enrollment' },
    { name: 'Annual', price: '$399 a year', details: 'paid up front' },
  ],
  freezePolicy: 'You can freeze your membership for up to 3 months a year for $10 a month; ask at the desk or fill in the freeze form.',
  cancelPolicy: 'Cancellations need 30 days notice in writing, signed at the front desk.',
  guestPolicy: 'Members may bring one guest per visit during staffed hours; guests sign a waiver and show ID.',
  classes: [
    { name: 'Spin', day: 'mon', time: '18:00', trainer: 'Maria' },
    { name: 'Spin', day: 'wed', time: '18:00', trainer: 'Maria' },
    { name: 'Yoga', day: 'tue', time: '07:30', trainer: 'Ken' },
    { name: 'HIIT', day: 'sat', time: '10:30', trainer: 'Dev' },
  ],
  trainers: [
    { name: 'Maria Lopez', focus: 'spin and strength' },
    { name: 'Ken Ito', focus: 'yoga and mobility' },
    { name: 'Dev Patel', focus: 'HIIT and weight loss' },
  ],
  faq: [
    { question: 'What is the wifi password?', answer: 'The wifi network is AF-Members and the password is on the sign at the front desk.' },
    { question: 'Do you have showers and lockers?', answer: 'Yes, there are showers and day-use lockers; bring your own lock.' },
    { question: 'Can I get a replacement key fob?', answer: 'Replacement key fobs are $25 at the front desk during staffed hours.' },
  ],
});
