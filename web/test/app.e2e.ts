import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '@nrm-hub/gateway';
import { loadDemoData } from '@nrm-hub/scripts/demo-data';
import { devAuthMiddleware } from '@nrm-hub/scripts/dev-token';
import { startHub, type Hub } from '../../test/support/hub.ts';
import { serveApp } from './support/static-server.ts';

/**
 * The web app in a real browser against the real hub: five subgraphs on
 * in-memory PGlite with the demo data, a production-mode gateway (trusted
 * documents only), the built static app. Each role signs in through the UI and
 * sees exactly the sections the README's policy table gives it; refusals are
 * visible markers; every page passes axe-core with no serious or critical
 * violation. Screenshots go to web/test/artifacts/ (gitignored).
 */
const require = createRequire(import.meta.url);
const AXE_SOURCE = require('node:fs').readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') as string;
const ARTIFACTS = resolve(import.meta.dirname, 'artifacts');
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let hub: Hub;
let production: RunningGateway;
let app: Awaited<ReturnType<typeof serveApp>>;
let browser: Browser;
let outDir: string;
/** A victim known to the police and to ROSA, whose client consented to the police and the coordinating unit but not to UDI. */
let shared: string;
/** The child victim (child welfare and police). */
let child: string;
/** The uncertain match the test seeds: the NGO's new victim and the police's candidate. */
let review: { victim: string; candidate: string };
/** Every request body the app sent to /graphql, and the start of each answer (for failure messages). */
const sent: string[] = [];
const answers: string[] = [];

const gql = async <T = any>(query: string, variables: Record<string, unknown>, agency: string, roles = ['caseworker']) => {
  const res = await hub.query<T>(query, variables, await hub.as({ agency, roles, purpose: 'CASE-2021-17' }));
  if (res.body.errors?.length) throw new Error(res.body.errors.map((e) => e.message).join('; '));
  return res.body.data as T;
};

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  hub = await startHub();
  // `roles` when the demo loader names them (it will), else a case-handling role.
  await loadDemoData(hub.gateway.url, (agency: string, roles?: string[]) => hub.issuer.token({ agency, roles: roles ?? ['caseworker'], purpose: 'DEMO-DATA-LOAD', expiresIn: '30m' }));

  // An uncertain match for the review queue: the same name, one registration without a birth date.
  const person = { givenNames: 'Arta', familyName: 'Webtestaj', gender: 'FEMININE', citizenships: ['AL'] };
  const decision = (decidedBy: string) => ({ status: 'POSSIBLE', decidedBy, exploitationTypes: ['SEXUAL_EXPLOITATION'], decidedOn: '2021-06-01' });
  const a = await gql(`mutation($i: PoliceRegisterPotentialVictimInput!) { policeRegisterPotentialVictim(input: $i) { outcome { victimId } } }`, {
    i: { idempotencyKey: 'web-review-a', person: { ...person, birthDate: '1992-04-09' }, decision: decision('POLICE') },
  }, 'police');
  const { organisations } = await gql<{ organisations: { id: string; name: string }[] }>(`{ organisations { id name } }`, {}, 'ngo:rosa-demo');
  const rosa = organisations.find((o) => o.name === 'ROSA (demo)')!.id;
  const b = await gql(`mutation($i: NgoRegisterPotentialVictimInput!) { ngoRegisterPotentialVictim(input: $i) { outcome { victimId } } }`, {
    i: { idempotencyKey: 'web-review-b', organisationId: rosa, person: { ...person, birthDate: undefined }, decision: decision('NGO') },
  }, 'ngo:rosa-demo');
  review = { victim: b.ngoRegisterPotentialVictim.outcome.victimId, candidate: a.policeRegisterPotentialVictim.outcome.victimId };
  const queue = await gql(`{ linkReviews(state: OPEN) { victim { id } candidate { id } } }`, {}, 'coordinating-unit', ['coordinator']);
  expect(queue.linkReviews).toContainEqual({ victim: { id: review.victim }, candidate: { id: review.candidate } });

  // Read as the coordinating unit; the seeded NGO client gave no consent, so its record comes back refused (and is skipped).
  type Listed = { id: string; registeringAgencies: string[]; assistance: ({ organisation: { name: string }; consents: { agency: string }[] } | null)[] };
  const listed = await hub.query<{ victims: Listed[] }>(
    `{ victims(first: 200) { id registeringAgencies assistance { organisation { name } consents { agency } } } }`,
    {},
    await hub.as({ agency: 'coordinating-unit', roles: ['coordinator'], purpose: 'CASE-2021-17' }),
  );
  const victims = listed.body.data!.victims;
  shared = victims.find((v) => {
    const [client, ...others] = v.assistance;
    return (
      v.registeringAgencies.includes('POLICE') &&
      others.length === 0 &&
      client?.organisation.name === 'ROSA (demo)' &&
      client.consents.some((c) => c.agency === 'POLICE') &&
      !client.consents.some((c) => c.agency === 'IMMIGRATION')
    );
  })!.id;
  child = victims.find((v) => v.registeringAgencies.includes('CHILD_WELFARE'))!.id;
  expect(shared).toBeTruthy();
  expect(child).toBeTruthy();

  production = await startGateway({
    port: 0,
    production: true,
    verifier: hub.issuer.verifier,
    subgraphUrls: Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.url])),
  });
  outDir = join(tmpdir(), `nrm-hub-web-${process.pid}`);
  // A production build, as `npm run build` makes it (vitest sets NODE_ENV=test, which Vite would take for development).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: resolve(import.meta.dirname, '../vite.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  app = await serveApp({
    dir: outDir,
    gatewayUrl: production.url,
    before: devAuthMiddleware((claims) => hub.issuer.token({ agency: claims.agency, roles: claims.roles, purpose: claims.purpose ?? null, sub: `web-${claims.agency}-${claims.roles[0]}`, expiresIn: '30m' })),
  });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await production?.close();
  await hub?.stop();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** A fresh browser context (its own sessionStorage), signed in as `role` through the sign-in form. */
async function signIn(role: string, purpose = 'CASE-2021-17'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nb-NO' });
  const page = await context.newPage();
  page.on('request', (r) => {
    if (r.url().endsWith('/graphql')) sent.push(r.postData() ?? '');
  });
  page.on('response', (r) => {
    if (r.url().endsWith('/graphql')) void r.text().then((t) => answers.push(`${r.status()} ${t.slice(0, 300)}`), () => {});
  });
  await page.goto(`${app.url}/`);
  await page.check(`input[name="role"][value="${role}"]`);
  await page.fill('input[name="purpose"]', purpose);
  await page.click('button[type="submit"]');
  await page.waitForSelector('[data-testid="session-role"]');
  return { context, page };
}

/** Runs axe-core (WCAG 2.1 A and AA) on the page, writes a screenshot, and returns the serious and critical violations. */
async function audit(page: Page, name: string): Promise<string[]> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${name}: ${v.id} (${v.impact}) at ${v.targets.join(', ')}`);
}

/** Waits for the victims table; failing, says what the page and the gateway showed instead. */
async function victimsTable(page: Page) {
  await page.waitForSelector('[data-testid="victims-table"], [data-refusal], main [role="alert"], main [role="status"]', { timeout: 60_000 }).catch(() => {});
  if (!(await page.locator('[data-testid="victims-table"]').count())) {
    throw new Error(`No victims table. Page: ${(await page.locator('main').innerText()).slice(0, 300)}; last answers: ${answers.slice(-2).join(' | ')}`);
  }
}

/** Each section's state on the victim view: shown, empty or refused. */
async function sections(page: Page): Promise<Record<string, string>> {
  await page.waitForSelector('[data-testid="section-assistance"]');
  return page.$$eval('[data-testid^="section-"]', (els) => Object.fromEntries(els.map((e) => [(e as HTMLElement).dataset.testid!.slice(8), (e as HTMLElement).dataset.state!])));
}

async function ngoRecords(page: Page) {
  return {
    visible: await page.locator('[data-testid="ngo-record"]').count(),
    refused: await page.locator('[data-testid="ngo-record-refused"] [data-refusal]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.refusal)),
  };
}

// The README's policy table, for a victim known to the police and to ROSA whose client consented to the police and the coordinating unit only.
const EXPECTED: Record<string, { sections: Record<string, string>; ngo: { visible: number; refused: string[] } }> = {
  'police-investigator': { sections: { nrm: 'shown', police: 'shown', immigration: 'refused', childWelfare: 'refused', assistance: 'shown' }, ngo: { visible: 1, refused: [] } },
  'udi-caseworker': { sections: { nrm: 'shown', police: 'refused', immigration: 'empty', childWelfare: 'refused', assistance: 'shown' }, ngo: { visible: 0, refused: ['CONSENT_REQUIRED'] } },
  'child-welfare-caseworker': { sections: { nrm: 'shown', police: 'refused', immigration: 'refused', childWelfare: 'empty', assistance: 'shown' }, ngo: { visible: 0, refused: ['CONSENT_REQUIRED'] } },
  'ngo-worker': { sections: { nrm: 'shown', police: 'refused', immigration: 'refused', childWelfare: 'refused', assistance: 'shown' }, ngo: { visible: 1, refused: [] } },
  'coordinating-unit': { sections: { nrm: 'shown', police: 'shown', immigration: 'empty', childWelfare: 'empty', assistance: 'shown' }, ngo: { visible: 1, refused: [] } },
  'child-coordinating-unit': { sections: { nrm: 'shown', police: 'shown', immigration: 'empty', childWelfare: 'empty', assistance: 'shown' }, ngo: { visible: 1, refused: [] } },
};

describe('the web app against a production-mode gateway', () => {
  const violations: string[] = [];

  it('shows the sign-in page in Norwegian, with every role to choose', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/victims`);
    await page.waitForSelector('input[name="role"]');
    expect(await page.locator('h1').textContent()).toBe('Logg inn');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nb');
    expect(await page.locator('input[name="role"]').count()).toBe(8);
    violations.push(...(await audit(page, 'sign-in')));
    await context.close();
  });

  for (const [role, expected] of Object.entries(EXPECTED)) {
    it(`signs in as ${role}, lists victims and opens one: exactly the sections the policy gives the role, refusals marked`, async () => {
      const { context, page } = await signIn(role);
      expect(await page.textContent('[data-testid="session-purpose"]')).toBe('CASE-2021-17');
      await victimsTable(page);
      expect(await page.locator('[data-testid="victim-link"]').count()).toBeGreaterThan(0);
      violations.push(...(await audit(page, `${role}-victims`)));

      await page.goto(`${app.url}/victims/${shared}`);
      expect(await sections(page)).toEqual(expected.sections);
      expect(await ngoRecords(page)).toEqual(expected.ngo);
      for (const [section, state] of Object.entries(expected.sections)) {
        if (state === 'refused') expect(await page.getAttribute(`[data-testid="section-${section}"] [data-refusal]`, 'data-refusal')).toBe('FORBIDDEN');
      }
      expect(await page.locator('[data-testid="timeline"] tbody tr').count()).toBeGreaterThan(0);
      violations.push(...(await audit(page, `${role}-victim`)));
      // Nothing personal kept beyond the session: no localStorage, and URLs hold only pseudonymous ids.
      expect(await page.evaluate(() => localStorage.length)).toBe(0);
      expect(new URL(page.url()).pathname).toBe(`/victims/${shared}`);
      await context.close();
    });
  }

  it('shows the coordinating unit the child victim’s child-welfare case, and the police no child-welfare data', async () => {
    const cu = await signIn('coordinating-unit');
    await cu.page.goto(`${app.url}/victims/${child}`);
    expect(await sections(cu.page)).toMatchObject({ police: 'shown', childWelfare: 'shown' });
    await cu.context.close();
    const police = await signIn('police-investigator');
    await police.page.goto(`${app.url}/victims/${child}`);
    expect(await sections(police.page)).toMatchObject({ police: 'shown', childWelfare: 'refused' });
    await police.context.close();
  });

  it('marks a missing purpose instead of showing an empty list', async () => {
    const { context, page } = await signIn('police-investigator', '');
    expect(await page.textContent('[data-testid="session-purpose"]')).toBe('ikke oppgitt');
    await page.waitForSelector('[data-refusal]');
    expect(await page.getAttribute('[data-refusal]', 'data-refusal')).toBe('PURPOSE_REQUIRED');
    violations.push(...(await audit(page, 'no-purpose-victims')));
    await context.close();
  });

  it('lets the coordinating unit confirm a match from the review queue, and the two victims are merged', async () => {
    const { context, page } = await signIn('coordinating-unit');
    await page.click('nav >> text=Matchvurdering');
    const card = page.locator(`[data-testid="link-review"]:has-text("${review.victim}")`);
    await card.waitFor();
    violations.push(...(await audit(page, 'coordinating-unit-match-review')));
    await card.locator('[data-testid="confirm"]').click();
    await page.waitForSelector('[data-testid="match-outcome"] .ds-alert, [data-testid="match-outcome"] [data-color]');
    expect(await page.textContent('[data-testid="match-outcome"]')).toContain(`${review.victim} er slått sammen med ${review.candidate}`);
    await card.waitFor({ state: 'detached' });
    const merged = await gql(`query($id: ID!) { victim(id: $id) { id mergedIds } }`, { id: review.victim }, 'coordinating-unit', ['coordinator']);
    expect(merged.victim).toEqual({ id: review.candidate, mergedIds: [review.victim] });
    await context.close();
  });

  it('switches to English and back', async () => {
    const { context, page } = await signIn('coordinating-unit');
    await victimsTable(page);
    await page.click('button:has-text("English")');
    expect(await page.locator('h1').textContent()).toBe('Victims');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    violations.push(...(await audit(page, 'coordinating-unit-victims-en')));
    await page.click('button:has-text("Norsk")');
    expect(await page.locator('h1').textContent()).toBe('Ofre');
    await context.close();
  });

  it('gives the NRM working group no victim pages (the hub would refuse them too)', async () => {
    const { context, page } = await signIn('nrm-working-group');
    expect(await page.locator('nav[aria-label="Hovedmeny"] a').count()).toBe(0);
    await page.goto(`${app.url}/victims/${shared}`);
    expect(await page.locator('h1').textContent()).toBe('Ingen tilgang');
    violations.push(...(await audit(page, 'nrm-working-group-no-access')));
    await context.close();
  });

  it('shows the data-protection officer a victim’s audit trail across the subgraphs, with the reads made above', async () => {
    const { context, page } = await signIn('data-protection', '');
    await page.waitForSelector('input[name="victimId"]');
    violations.push(...(await audit(page, 'data-protection-lookup')));
    await page.fill('input[name="victimId"]', shared);
    await page.click('button:has-text("Vis innsynslogg")');
    await page.waitForSelector('[data-testid="audit-trail"]');
    expect(new URL(page.url()).pathname).toBe(`/data-protection/${shared}`);
    const police = page.locator('[data-testid="trail-policeAuditTrail"]').first();
    expect(await police.textContent()).toContain('web-police-investigator');
    expect(await police.textContent()).toContain('CASE-2021-17');
    expect(await page.locator('[data-testid="trail-ngoAuditTrail"]').first().textContent()).toContain('web-ngo:rosa-demo-worker');
    violations.push(...(await audit(page, 'data-protection-trail')));
    await context.close();
  });

  it('sent every operation by its trusted-document id, which the production gateway accepted (and it refuses query text)', async () => {
    expect(sent.length).toBeGreaterThan(10);
    for (const body of sent) {
      const json = JSON.parse(body) as Record<string, unknown>;
      expect(json.documentId).toMatch(/^[0-9a-f]{64}$/);
      expect(json.query).toBeUndefined();
    }
    const res = await fetch(production.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await hub.as({ agency: 'police', roles: ['investigator'] })) },
      body: JSON.stringify({ query: '{ victims(first: 1) { id } }' }),
    });
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
  });

  it('has no serious or critical axe-core violation on any page', () => {
    expect(violations).toEqual([]);
  });
});
