import { hubError } from './errors.ts';
import type { OnBehalf, ServiceSigner } from './service-auth.ts';

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

/**
 * Calls the NRM subgraph over HTTP (service to service), with a service
 * credential the agency subgraph mints for each call (`service-auth.ts`).
 */
export interface NrmClient {
  register(request: NrmRegistrationRequest, onBehalf?: OnBehalf): Promise<NrmRegistrationResponse>;
  /**
   * Compensates a registration whose agency record could not be stored: the
   * NRM removes the registration it filed under (agency, idempotency key), so
   * a retry with the same key registers afresh. True when one was removed.
   */
  withdraw(agency: AgencyCode, idempotencyKey: string, onBehalf?: OnBehalf): Promise<boolean>;
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
