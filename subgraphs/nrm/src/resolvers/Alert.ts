import { unauthenticated } from '@nrm-hub/kit/auth';
import { badInput, checkUuid, CLK_BITS, clkFromBase64, hubError, popcount, registeringAgency } from '@nrm-hub/kit';
import type { NrmContext } from '../context.ts';
import type { AlertRow } from '../db/schema.ts';
import { alertAsSeenBy, checkReturn, childVictims, listAlerts, moveAlert, setOpenCaseRoles, type AlertAudience } from '../data/safeguards-store.ts';
import { maySeeReferral, withheldReferral } from '../rules/access.ts';
import { survivorOf } from './Victim.ts';

const HASH_RE = /^[0-9a-f]{64}$/;

/** Which alerts the caller sees and works: the coordinating unit all, an agency those raised for it. */
export function audienceOf(ctx: NrmContext): AlertAudience {
  if (ctx.viewer?.agencyKind === 'coordinating-unit') return { all: true };
  const agency = registeringAgency(ctx.viewer);
  if (!agency) throw hubError('FORBIDDEN', 'Not permitted: your agency has no alerts.');
  return { all: false, agency };
}

function caller(ctx: NrmContext) {
  if (!ctx.viewer) throw unauthenticated();
  return { by: ctx.viewer.subject, agency: ctx.viewer.agency };
}

function visible(alert: AlertRow, audience: AlertAudience): boolean {
  return audience.all || alert.raisedFor === audience.agency;
}

export const Alert = {
  __resolveReference: async (ref: { id: string }, ctx: NrmContext) => {
    const alert = await ctx.loaders.alert.load(ref.id);
    return alert && visible(alert, audienceOf(ctx)) ? alert : null;
  },
  victim: (alert: AlertRow, _: unknown, ctx: NrmContext) => survivorOf(alert.victimId, ctx),
  reasons: (alert: AlertRow, _: unknown, ctx: NrmContext) => alertAsSeenBy(alert, ctx.viewer?.agencyKind === 'coordinating-unit').reasons,
  contactAgencies: (alert: AlertRow, _: unknown, ctx: NrmContext) => alertAsSeenBy(alert, ctx.viewer?.agencyKind === 'coordinating-unit').contactAgencies,
  history: (alert: AlertRow, _: unknown, ctx: NrmContext) => ctx.loaders.alertEvents.load(alert.id),
};

export const SafeguardsVictim = {
  alerts: async (victim: { id: string }, _: unknown, ctx: NrmContext) => {
    const audience = audienceOf(ctx);
    return (await ctx.loaders.alertsByVictim.load(victim.id)).filter((a) => visible(a, audience));
  },
  openReferrals: async (victim: { id: string }, _: unknown, ctx: NrmContext) =>
    (await ctx.loaders.referrals.load(victim.id))
      .filter((r) => r.state === 'SENT' || r.state === 'ACCEPTED')
      .map((r) => (maySeeReferral(ctx.viewer, r) ? r : withheldReferral())),
};

function checkFirst(first: number): number {
  if (first < 1 || first > 500) throw badInput('first', 'must be between 1 and 500');
  return first;
}

export const SafeguardsQuery = {
  alerts: (_: unknown, args: { state?: string | null; kind?: string | null; first: number }, ctx: NrmContext) =>
    listAlerts(ctx.db, audienceOf(ctx), { state: args.state, kind: args.kind, first: checkFirst(args.first) }),
  childVictims: (_: unknown, args: { first: number }, ctx: NrmContext) => childVictims(ctx.db, ctx.now().getUTCFullYear(), checkFirst(args.first)),
};

/** The NRM's service operations take an agency subgraph's service credential only (as the scope says; this holds even if a directive were lost). */
function requireService(ctx: NrmContext): void {
  if (!ctx.viewer?.service) throw hubError('FORBIDDEN', "Only an agency subgraph's service credential may call this; end-user tokens may not.");
}

export const SafeguardsMutation = {
  setOpenCaseRoles: async (_: unknown, args: { input: { victimId: string; roles: string[] } }, ctx: NrmContext) => {
    requireService(ctx);
    if (ctx.viewer?.agencyKind !== 'police') throw hubError('FORBIDDEN', 'Only the police report open-case roles.');
    const victimId = checkUuid(args.input.victimId, 'input.victimId');
    if (!(await ctx.loaders.victim.load(victimId))) throw hubError('NOT_FOUND', 'No victim with that id.');
    await setOpenCaseRoles(ctx.db, victimId, [...new Set(args.input.roles)].sort());
    return { victimId };
  },
  checkReturn: async (_: unknown, args: { input: { agency: string; returnId: string; identifierHashes: string[]; clk: string } }, ctx: NrmContext) => {
    const { input } = args;
    requireService(ctx);
    if (registeringAgency(ctx.viewer) !== input.agency) throw hubError('FORBIDDEN', 'An agency may only check returns in its own name.');
    const returnId = checkUuid(input.returnId, 'input.returnId');
    input.identifierHashes.forEach((h, i) => {
      if (!HASH_RE.test(h)) throw badInput(`input.identifierHashes[${i}]`, 'must be a 64-character lower-case hex HMAC');
    });
    if (input.identifierHashes.length > 20) throw badInput('input.identifierHashes', 'at most 20 hashes');
    const clk = clkFromBase64(input.clk);
    if (!clk || popcount(clk) === 0 || popcount(clk) > CLK_BITS * 0.75) throw badInput('input.clk', `must be the base64 of a ${CLK_BITS}-bit Bloom filter`);
    const { hit, alert } = await checkReturn(ctx.db, { agency: input.agency, returnId, identifierHashes: input.identifierHashes, clk }, caller(ctx));
    return { hit, alertId: alert?.id ?? null, alertState: alert?.state ?? null };
  },
  acknowledgeAlert: (_: unknown, args: { id: string }, ctx: NrmContext) =>
    moveAlert(ctx.db, { alertId: checkUuid(args.id, 'id'), to: 'ACKNOWLEDGED', ...caller(ctx) }, audienceOf(ctx)),
  closeAlert: (_: unknown, args: { id: string; note: string }, ctx: NrmContext) => {
    const note = args.note.trim();
    if (note.length < 3 || note.length > 2000) throw badInput('note', 'must be 3 to 2000 characters');
    return moveAlert(ctx.db, { alertId: checkUuid(args.id, 'id'), to: 'CLOSED', ...caller(ctx), note }, audienceOf(ctx));
  },
};
