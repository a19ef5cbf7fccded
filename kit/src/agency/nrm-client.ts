import { hubError } from '../runtime/errors.ts';
import type { OnBehalf, ServiceSigner } from '../auth/service-auth.ts';
import type { Agency } from '../schema/generated/shared-types.ts';

/** A registering agency, as the shared SDL's `Agency` enum names it. */
export type AgencyCode = Agency;

/** What an agency sends the NRM: match keys and coded facts, never a name or number. */
export interface NrmRegistrationInput {
  agency: AgencyCode;
  agencyRecordId: string;
  idempotencyKey: string;
  identifierHashes: string[];
  /** The person's Bloom-filter encoding (CLK), base64 of 128 bytes. */
  clk: string;
  status: string;
  decidedBy: string;
  exploitationTypes: string[];
  decidedOn: string;
  gender: string;
  birthYear: number | null;
  citizenships: string[];
}

/** The NRM's answer. */
export interface NrmRegistrationResponse {
  victimId: string;
  matchedExisting: boolean;
  matchScore: number;
}

/**
 * Calls the NRM subgraph over HTTP (service to service), with a service
 * credential the agency subgraph mints for each call (`service-auth.ts`).
 */
export interface NrmClient {
  register(request: NrmRegistrationInput, onBehalf?: OnBehalf): Promise<NrmRegistrationResponse>;
  /**
   * Compensates a registration whose agency record could not be stored: the
   * NRM removes the registration it filed under (agency, idempotency key), so
   * a retry with the same key registers afresh. True when one was removed.
   */
  withdraw(agency: AgencyCode, idempotencyKey: string, onBehalf?: OnBehalf): Promise<boolean>;
  /** Police: tell the NRM a victim's roles in open trafficking investigations (empty clears); no case detail leaves the police. */
  setOpenCaseRoles(request: NrmOpenCaseRolesRequest, onBehalf?: OnBehalf): Promise<void>;
  /** UDI: ask whether a person in return proceedings matches a registered victim or an open-case victim or witness. */
  checkReturn(request: NrmReturnCheckRequest, onBehalf?: OnBehalf): Promise<NrmReturnCheckResponse>;
}

/** Police to NRM: a registered victim's roles (VICTIM, WITNESS) in open §257/§258 investigations; nothing else. */
export interface NrmOpenCaseRolesRequest {
  victimId: string;
  roles: string[];
}

/** UDI to NRM: match keys of a person in return proceedings, and UDI's opaque id of the proceeding. */
export interface NrmReturnCheckRequest {
  agency: AgencyCode;
  returnId: string;
  identifierHashes: string[];
  clk: string;
}

/** The NRM's answer to a return check: a hit raises (or returns) one alert per return proceeding. */
export interface NrmReturnCheckResponse {
  hit: boolean;
  alertId: string | null;
  alertState: string | null;
}

const REGISTER = /* GraphQL */ `
  mutation Register($input: NrmRegistrationInput!) {
    registerPotentialVictim(input: $input) { victimId matchedExisting matchScore }
  }
`;

const WITHDRAW = /* GraphQL */ `
  mutation Withdraw($agency: Agency!, $idempotencyKey: String!) {
    withdrawRegistration(agency: $agency, idempotencyKey: $idempotencyKey)
  }
`;

const SET_OPEN_CASE_ROLES = /* GraphQL */ `
  mutation SetOpenCaseRoles($input: OpenCaseRolesInput!) {
    setOpenCaseRoles(input: $input) { victimId }
  }
`;

const CHECK_RETURN = /* GraphQL */ `
  mutation CheckReturn($input: ReturnCheckInput!) {
    checkReturn(input: $input) { hit alertId alertState }
  }
`;

/** Posts one service-to-service operation to the NRM; the named field's value, or a hub error saying nothing was stored. */
async function postToNrm<T>(url: string, timeoutMs: number, query: string, variables: unknown, field: string, headers: Record<string, string>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }), signal: AbortSignal.timeout(timeoutMs) });
  } catch {
    throw hubError('UPSTREAM_UNAVAILABLE', 'The NRM registry did not answer; nothing was stored. Retry.');
  }
  const body = (await response.json().catch(() => null)) as {
    data?: Record<string, T | null> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  } | null;
  const result = body?.data?.[field];
  if (result === undefined || result === null) {
    const first = body?.errors?.[0];
    const code = first?.extensions?.code;
    if (code === 'BAD_USER_INPUT' || code === 'FORBIDDEN' || code === 'UNAUTHENTICATED' || code === 'NOT_FOUND') {
      throw hubError(code, `The NRM registry refused the request: ${first?.message ?? code}`);
    }
    throw hubError('UPSTREAM_UNAVAILABLE', 'The NRM registry failed; nothing was stored. Retry.');
  }
  return result;
}

/**
 * An NRM client posting GraphQL to `url`, with a timeout. Each call carries a
 * fresh credential minted by `signer`, the agency subgraph's own service
 * identity; without one the NRM refuses the call.
 */
export function httpNrmClient(url: string, signer?: ServiceSigner, timeoutMs = 10_000): NrmClient {
  const headers = async (onBehalf?: OnBehalf): Promise<Record<string, string>> => ({
    'content-type': 'application/json',
    ...(signer ? { authorization: `Bearer ${await signer.mint(onBehalf)}` } : {}),
  });
  return {
    async setOpenCaseRoles(request, onBehalf) {
      await postToNrm(url, timeoutMs, SET_OPEN_CASE_ROLES, { input: request }, 'setOpenCaseRoles', await headers(onBehalf));
    },
    checkReturn: async (request, onBehalf) => postToNrm(url, timeoutMs, CHECK_RETURN, { input: request }, 'checkReturn', await headers(onBehalf)),
    async withdraw(agency, idempotencyKey, onBehalf) {
      const response = await fetch(url, {
        method: 'POST',
        headers: await headers(onBehalf),
        body: JSON.stringify({ query: WITHDRAW, variables: { agency, idempotencyKey } }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = (await response.json().catch(() => null)) as { data?: { withdrawRegistration?: boolean } | null } | null;
      const removed = body?.data?.withdrawRegistration;
      if (typeof removed !== 'boolean') throw new Error('The NRM did not confirm the withdrawal');
      return removed;
    },
    async register(request, onBehalf) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: await headers(onBehalf),
          body: JSON.stringify({ query: REGISTER, variables: { input: request } }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch {
        throw hubError('UPSTREAM_UNAVAILABLE', 'The NRM registry did not answer; nothing was stored. Retry with the same idempotency key.');
      }
      const body = (await response.json().catch(() => null)) as {
        data?: { registerPotentialVictim?: NrmRegistrationResponse | null } | null;
        errors?: { message: string; extensions?: { code?: string } }[];
      } | null;
      const result = body?.data?.registerPotentialVictim;
      if (!result) {
        const first = body?.errors?.[0];
        const code = first?.extensions?.code;
        if (code === 'BAD_USER_INPUT' || code === 'FORBIDDEN' || code === 'UNAUTHENTICATED') {
          throw hubError(code, `The NRM registry refused the registration: ${first?.message ?? code}`);
        }
        throw hubError('UPSTREAM_UNAVAILABLE', 'The NRM registry failed; nothing was stored. Retry with the same idempotency key.');
      }
      return result;
    },
  };
}
