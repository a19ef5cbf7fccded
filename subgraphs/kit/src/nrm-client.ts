import { hubError } from './errors.ts';

export type AgencyCode = 'POLICE' | 'IMMIGRATION' | 'CHILD_WELFARE' | 'NGO';

/** What an agency sends the NRM: match keys and coded facts, never a name or number. */
export interface NrmRegistrationRequest {
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

/** Calls the NRM subgraph over HTTP (service to service). */
export interface NrmClient {
  register(request: NrmRegistrationRequest, headers?: Record<string, string>): Promise<NrmRegistrationResponse>;
  /** Police: tell the NRM a victim's roles in open trafficking investigations (empty clears); no case detail leaves the police. */
  setOpenCaseRoles(request: NrmOpenCaseRolesRequest, headers?: Record<string, string>): Promise<void>;
  /** UDI: ask whether a person in return proceedings matches a registered victim or an open-case victim or witness. */
  checkReturn(request: NrmReturnCheckRequest, headers?: Record<string, string>): Promise<NrmReturnCheckResponse>;
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
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    throw hubError('UPSTREAM_UNAVAILABLE', 'The NRM registry did not answer; nothing was stored. Retry.');
  }
  const body = (await response.json().catch(() => null)) as { data?: Record<string, T | null> | null; errors?: { message: string; extensions?: { code?: string } }[] } | null;
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

/** An NRM client posting GraphQL to `url`, with a timeout. */
export function httpNrmClient(url: string, timeoutMs = 10_000): NrmClient {
  return {
    async setOpenCaseRoles(request, headers = {}) {
      await postToNrm(url, timeoutMs, SET_OPEN_CASE_ROLES, { input: request }, 'setOpenCaseRoles', headers);
    },
    checkReturn: (request, headers = {}) => postToNrm(url, timeoutMs, CHECK_RETURN, { input: request }, 'checkReturn', headers),
    async register(request, headers = {}) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
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
