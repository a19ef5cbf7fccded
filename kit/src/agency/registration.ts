import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../runtime/database.ts';
import { badInput, checkIdempotencyKey, hubError } from '../runtime/errors.ts';
import { personMatchKeys } from './match-keys.ts';
import type { AgencyCode, NrmClient, NrmRegistrationInput } from './nrm-client.ts';
import type { OnBehalf } from '../auth/service-auth.ts';
import { normalisePerson, type Person, type PersonInput } from './person.ts';
import { registrationRequests } from './registration-requests.ts';
import { checkEventDate, isoToday } from '../guards/event-dates.ts';

/** The agency's own assessment, as in `StatusDecisionInput`. */
export interface StatusDecision {
  status: string;
  decidedBy: string;
  exploitationTypes: string[];
  /** `YYYY-MM-DD`; today when omitted. */
  decidedOn?: string | null;
}

/** What every agency's register mutation returns, as in `RegistrationOutcome`. */
export interface RegistrationOutcome {
  victimId: string;
  matchedExisting: boolean;
  matchScore: number;
  replayed: boolean;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A UUID derived from agency and idempotency key, so retries name the same record. */
export function recordIdFor(agency: AgencyCode, idempotencyKey: string): string {
  const h = createHash('sha256').update(`${agency}|${idempotencyKey}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}

/**
 * The request an agency sends the NRM for a validated person: match keys
 * (identifier HMACs and the CLK) and coded facts for statistics, never a
 * name, birth date or identity number.
 */
export function nrmRegistrationRequest(options: {
  agency: AgencyCode;
  agencyRecordId: string;
  idempotencyKey: string;
  linkageSecret: string;
  person: Person;
  decision: StatusDecision & { decidedOn: string };
}): NrmRegistrationInput {
  const { person, decision } = options;
  return {
    agency: options.agency,
    agencyRecordId: options.agencyRecordId,
    idempotencyKey: options.idempotencyKey,
    ...personMatchKeys(options.linkageSecret, person),
    status: decision.status,
    decidedBy: decision.decidedBy,
    exploitationTypes: decision.exploitationTypes,
    decidedOn: decision.decidedOn,
    gender: person.gender,
    birthYear: person.birthYear,
    citizenships: person.citizenships,
  };
}

/**
 * Registers a person as a potential victim: validates the input, sends only
 * match keys to the NRM, then stores the agency's record and the idempotency
 * row in one transaction. The same idempotency key with the same input
 * replays the first answer and writes nothing; with other input it is an
 * `IDEMPOTENCY_KEY_REUSED` error.
 *
 * Both writes stand or neither does: when the agency's transaction fails
 * after the NRM answered, the agency asks the NRM to withdraw the
 * registration it just filed (a compensating write, `NrmClient.withdraw`)
 * unless another attempt with the same key has stored the agency record
 * meanwhile. Should the withdrawal fail too, a retry with the same key
 * repairs it: the NRM answers it from the registration it kept, and the
 * agency record is stored then.
 */
export async function registerPotentialVictim<TExtra, TSchema extends Record<string, unknown> = Record<string, unknown>>(options: {
  db: Db<TSchema>;
  agency: AgencyCode;
  nrm: NrmClient;
  linkageSecret: string;
  idempotencyKey: string;
  person: PersonInput;
  decision: StatusDecision;
  /** Agency-specific input, part of the idempotency fingerprint. */
  extra: TExtra;
  /** Inserts the agency's own record(s) inside the transaction. */
  insertRecord: (tx: Db<TSchema>, recordId: string, victimId: string, person: Person, extra: TExtra) => Promise<void>;
  /** The end user the agency acts for; named in the service credential the NRM gets. */
  onBehalf?: OnBehalf;
}): Promise<{ recordId: string; outcome: RegistrationOutcome }> {
  const key = checkIdempotencyKey(options.idempotencyKey);
  const person = normalisePerson(options.person);
  if (options.decision.exploitationTypes.length > 12) throw badInput('decision.exploitationTypes', 'too many values');
  const today = isoToday();
  if (options.decision.decidedOn) checkEventDate(options.decision.decidedOn, 'decision.decidedOn', today, 0);
  const decidedOn = options.decision.decidedOn ?? today;
  const requestHash = createHash('sha256')
    .update(canonical({ person, decision: options.decision, extra: options.extra }))
    .digest('hex');

  const replay = async (): Promise<{ recordId: string; outcome: RegistrationOutcome } | null> => {
    const [row] = await options.db.select().from(registrationRequests).where(eq(registrationRequests.idempotencyKey, key));
    if (!row) return null;
    if (row.requestHash !== requestHash) {
      throw hubError('IDEMPOTENCY_KEY_REUSED', 'This idempotency key was already used for a different registration.');
    }
    return {
      recordId: row.recordId,
      outcome: { victimId: row.victimId, matchedExisting: row.matchedExisting, matchScore: row.matchScore, replayed: true },
    };
  };

  const earlier = await replay();
  if (earlier) return earlier;

  const recordId = recordIdFor(options.agency, key);
  const answer = await options.nrm.register(
    nrmRegistrationRequest({
      agency: options.agency,
      agencyRecordId: recordId,
      idempotencyKey: key,
      linkageSecret: options.linkageSecret,
      person,
      decision: { ...options.decision, decidedOn },
    }),
    options.onBehalf,
  );
  try {
    await options.db.transaction(async (tx) => {
      await tx.insert(registrationRequests).values({
        idempotencyKey: key,
        requestHash,
        recordId,
        victimId: answer.victimId,
        matchedExisting: answer.matchedExisting,
        matchScore: answer.matchScore,
      });
      await options.insertRecord(tx, recordId, answer.victimId, person, options.extra);
    });
  } catch (error) {
    // A concurrent retry with the same key won the race: answer as it did.
    const winner = await replay().catch(() => null);
    if (winner) return winner;
    if (!isUniqueViolation(error)) {
      // No agency record stands behind the NRM's registration: take it back.
      await options.nrm.withdraw(options.agency, key, options.onBehalf).catch((failure: unknown) => {
        console.error(`[registration] compensating withdrawal failed: ${(failure as Error)?.name ?? 'Error'}; a retry with the same key repairs it`);
      });
    }
    throw error;
  }
  return { recordId, outcome: { ...answer, replayed: false } };
}
