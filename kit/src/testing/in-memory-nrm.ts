import { randomUUID } from 'node:crypto';
import type { NrmClient, NrmOpenCaseRolesRequest, NrmRegistrationInput, NrmReturnCheckRequest } from '../agency/nrm-client.ts';
import { hubError } from '../runtime/errors.ts';

/**
 * An in-memory stand-in for the NRM, for an agency subgraph's own unit tests
 * only (end-to-end tests run the real NRM subgraph). Idempotent per
 * (agency, key); joins registrations that share an identifier hash.
 */
export function inMemoryNrm(): NrmClient & { requests: NrmRegistrationInput[]; down: boolean; openCaseRoles: Map<string, string[]> } {
  const byKey = new Map<string, string>();
  const byHash = new Map<string, string>();
  const state = {
    requests: [] as NrmRegistrationInput[],
    down: false,
    openCaseRoles: new Map<string, string[]>(),
    async setOpenCaseRoles(request: NrmOpenCaseRolesRequest) {
      if (state.down) throw hubError('UPSTREAM_UNAVAILABLE', 'The NRM registry did not answer; nothing was stored.');
      state.openCaseRoles.set(request.victimId, request.roles);
    },
    /** A hit when an identifier hash is known and its victim has open-case roles. */
    async checkReturn(request: NrmReturnCheckRequest) {
      if (state.down) throw hubError('UPSTREAM_UNAVAILABLE', 'The NRM registry did not answer; nothing was stored.');
      const victimId = request.identifierHashes.map((h) => byHash.get(h)).find(Boolean);
      const hit = Boolean(victimId && state.openCaseRoles.get(victimId)?.length);
      return { hit, alertId: hit ? randomUUID() : null, alertState: hit ? 'OPEN' : null };
    },
    async register(request: NrmRegistrationInput) {
      if (state.down) throw hubError('UPSTREAM_UNAVAILABLE', 'The NRM registry did not answer; nothing was stored.');
      state.requests.push(request);
      const k = `${request.agency}|${request.idempotencyKey}`;
      const known = byKey.get(k);
      if (known) return { victimId: known, matchedExisting: false, matchScore: 1 };
      const hit = request.identifierHashes.map((h) => byHash.get(h)).find(Boolean);
      const victimId = hit ?? randomUUID();
      byKey.set(k, victimId);
      for (const h of request.identifierHashes) byHash.set(h, victimId);
      return { victimId, matchedExisting: Boolean(hit), matchScore: 1 };
    },
    async withdraw(agency: string, idempotencyKey: string) {
      return byKey.delete(`${agency}|${idempotencyKey}`);
    },
  };
  return state;
}

/** Synthetic valid identifiers for tests (no real person). */
export const SAMPLE_IDS = {
  /** A fødselsnummer with valid check digits (synthetic). */
  fodselsnummer: '01010012356',
  /** A DUF number with valid check digits. */
  duf: '201212345603',
};
