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
}

const REGISTER = /* GraphQL */ `
  mutation Register($input: NrmRegistrationInput!) {
    registerPotentialVictim(input: $input) { victimId matchedExisting matchScore }
  }
`;

/** An NRM client posting GraphQL to `url`, with a timeout. */
export function httpNrmClient(url: string, timeoutMs = 10_000): NrmClient {
  return {
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
