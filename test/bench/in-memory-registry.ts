/**
 * The NRM's matching decision replayed in memory, for quick accuracy figures
 * on a loaded machine: the same blocking keys, candidate ranking and cap, the
 * same model, the same victim scoring and decision (`scoreCandidates`, `decide`)
 * and the same name-frequency estimate (namesakes among the candidates over
 * registry size) as `register` does through SQL, without the database. Identifier
 * hashes join first, as in `register`. Automatic merges of two certain
 * victims are applied; link reviews are counted.
 */
import type { DecodedRegistration } from '@nrm-hub/nrm/registration';
import { bothCertain, CANDIDATE_LIMIT, decide, scoreCandidates } from '@nrm-hub/nrm/matching';
import { blockingKeys, keyRank } from '@nrm-hub/nrm/blocking';
import type { MatchModel } from '@nrm-hub/nrm/match-model';
import { shouldRefit } from '@nrm-hub/nrm/match-model-store';

export interface InMemoryResult {
  /** Victim of each registration at the end (after merges). */
  victims: number[];
  /** Open reviews: [registration index, candidate victim]. */
  reviews: [number, number][];
  merges: number;
}

export function replay(requests: readonly DecodedRegistration[], initialModel: MatchModel, refit?: (upTo: number) => MatchModel | null): InMemoryResult {
  let model = initialModel;
  let fittedAt = 0;
  const index = new Map<number, number[]>();
  const byHash = new Map<string, number>();
  const victimOf: number[] = [];
  const parent: number[] = [];
  const find = (v: number): number => (parent[v] === v ? v : (parent[v] = find(parent[v]!)));
  const reviews: [number, number][] = [];
  let merges = 0;
  requests.forEach((req, i) => {
    if (refit && shouldRefit(i, fittedAt)) {
      model = refit(i) ?? model;
      fittedAt = i;
    }
    const keys = blockingKeys(req.clk);
    let victim: number | undefined;
    for (const h of req.identifierHashes) {
      const hit = byHash.get(h);
      if (hit !== undefined) {
        victim = find(victimOf[hit]!);
        break;
      }
    }
    if (victim === undefined) {
      const hits = new Map<number, number>();
      for (const k of keys) {
        const r = keyRank(k);
        for (const j of index.get(k) ?? []) hits.set(j, (hits.get(j) ?? 0) + r);
      }
      const ranked = [...hits.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, CANDIDATE_LIMIT);
      const candidates = ranked.map(([j]) => ({ victimId: String(find(victimOf[j]!)), clk: requests[j]!.clk }));
      const n = i;
      const decision = decide(scoreCandidates(model, req.clk, candidates, n));
      if (decision.kind === 'MATCH') {
        victim = Number(decision.best!.victimId);
        if (decision.second) {
          if (bothCertain(decision)) {
            parent[Number(decision.second.victimId)] = victim;
            merges += 1;
          } else reviews.push([i, Number(decision.second.victimId)]);
        }
      } else if (decision.kind === 'REVIEW') reviews.push([i, Number(decision.best!.victimId)]);
    }
    if (victim === undefined) {
      victim = parent.length;
      parent.push(victim);
    }
    victimOf.push(victim);
    for (const h of req.identifierHashes) if (!byHash.has(h)) byHash.set(h, i);
    for (const k of keys) {
      const members = index.get(k);
      if (members) members.push(i);
      else index.set(k, [i]);
    }
  });
  return { victims: victimOf.map(find), reviews, merges };
}
