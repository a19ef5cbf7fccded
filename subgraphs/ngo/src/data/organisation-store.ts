import { asc, eq, sql } from 'drizzle-orm';
import { badInput, confusableSkeleton, hubError, insertOnce, organisationCode } from '@nrm-hub/kit';
import { grants, organisations, type OrganisationRow } from '../db/schema.ts';
import type { NgoDb } from './client-store.ts';

/** One organisation, or null. */
export async function organisationById(db: NgoDb, id: string): Promise<OrganisationRow | null> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row ?? null;
}

/** All organisations, by name. */
export function listOrganisations(db: NgoDb): Promise<OrganisationRow[]> {
  return db.select().from(organisations).orderBy(asc(organisations.name));
}

/**
 * Creates an organisation; the same name returns the existing one (retry-safe). Its staff are told apart by
 * `ngo:<code>` alone (`code` is `organisationCode(name)`), so another organisation with the same code is refused
 * (`BAD_USER_INPUT`): the two would share one agency claim and so each other's clients. So is a name that looks like
 * an existing one (the same `confusableSkeleton`: "RОSA (demo)" with a Cyrillic О beside "ROSA (demo)"), which people
 * would take for the same organisation. Creations take one lock, so two at once cannot both pass the checks.
 */
export async function createOrganisation(db: NgoDb, input: { name: string; kind: string }, code: string): Promise<OrganisationRow> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('ngo.organisations'))`);
    const all = await tx.select().from(organisations);
    const existing = all.find((o) => o.name === input.name);
    if (existing) {
      if (existing.kind !== input.kind) throw hubError('IDEMPOTENCY_KEY_REUSED', 'An organisation with this name exists with another kind.');
      return existing;
    }
    if (all.some((o) => organisationCode(o.name) === code)) {
      throw badInput('input.name', 'another organisation already has this organisation code (its staff sign in as ngo:<code>)');
    }
    const skeleton = confusableSkeleton(input.name);
    if (all.some((o) => confusableSkeleton(o.name) === skeleton)) {
      throw badInput('input.name', "looks the same as an existing organisation's name");
    }
    const [inserted] = await tx.insert(organisations).values(input).returning();
    return inserted!;
  });
}

/** Grants of one budget year with their organisation, in one statement. */
export function grantsForYear(db: NgoDb, year: number) {
  return db.query.grants.findMany({
    where: eq(grants.year, year),
    with: { organisation: true },
    orderBy: (g, { asc, desc }) => [desc(g.amountNok), asc(g.id)],
  });
}

/** Records a grant; the same idempotency key returns the first grant. */
export async function recordGrant(db: NgoDb, input: { idempotencyKey: string; organisationId: string; year: number; amountNok: number; grantor: string }) {
  return db.transaction(async (tx) => {
    const organisation = await organisationById(tx, input.organisationId);
    if (!organisation) throw hubError('NOT_FOUND', 'No organisation with that id.');
    const row = await insertOnce(tx, grants, input, {
      sameRequest: ['organisationId', 'year', 'amountNok', 'grantor'],
      what: 'grant',
    });
    return { ...row, organisation };
  });
}
