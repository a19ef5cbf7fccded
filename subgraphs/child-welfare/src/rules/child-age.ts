import { badInput, normalisePerson, type PersonInput } from '@nrm-hub/kit';

/** Completed years between a birth date and a day, both `YYYY-MM-DD`. */
function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/**
 * Child welfare opens cases for children. A birth date (or a birth year that
 * leaves no doubt) making the person 18 or older on the day of the decision
 * (today when the decision carries no date) is only accepted while the age
 * is DISPUTED or NOT_ASSESSED. A bare birth year counts as adult only when
 * even a 31 December birthday would make the person 18 on that day.
 */
export function checkChildAge(input: PersonInput, ageAssessment: string, decidedOn?: string | null, now = new Date()): void {
  const person = normalisePerson(input, 'person', now);
  if (ageAssessment === 'DISPUTED' || ageAssessment === 'NOT_ASSESSED') return;
  const day = decidedOn ?? now.toISOString().slice(0, 10);
  const rule = 'makes the person 18 or older on the day of the decision; register with ageAssessment DISPUTED or NOT_ASSESSED';
  if (person.birthDate) {
    if (ageOn(person.birthDate, day) >= 18) throw badInput('person.birthDate', rule);
  } else if (person.birthYear !== null && Number(day.slice(0, 4)) - person.birthYear - 1 >= 18) {
    throw badInput('person.birthYear', rule);
  }
}
