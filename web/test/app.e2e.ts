import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '@nrm-hub/gateway';
import { loadDemoData } from '@nrm-hub/scripts/demo-data';
import { DEV_WEB_CONFIG, devAuthMiddleware } from '@nrm-hub/scripts/dev-token';
import { startHub, type Hub } from '@nrm-hub/test/support/hub';
import { person as syntheticPerson } from '@nrm-hub/test/support/safeguards-people';
import { STATISTICS_QUERY } from '@nrm-hub/test/support/statistics-checks';
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
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const POLL_MS = 1000;

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
  await loadDemoData(hub.gateway.url, (agency: string, roles?: string[]) =>
    hub.issuer.token({ agency, roles: roles ?? ['caseworker'], purpose: 'DEMO-DATA-LOAD', expiresIn: '30m' }),
  );

  // An uncertain match for the review queue: a letter missing from the family name, and no birth date in one of them.
  const person = { givenNames: 'Arta', familyName: 'Webtestaj', gender: 'FEMININE', citizenships: ['AL'] };
  // Decided in 2022, so the statistics page still shows the source report's 2021 figures of the demo data.
  const decision = (decidedBy: string) => ({ status: 'POSSIBLE', decidedBy, exploitationTypes: ['SEXUAL_EXPLOITATION'], decidedOn: '2022-06-01' });
  const a = await gql(
    `mutation($i: PoliceRegisterPotentialVictimInput!) { policeRegisterPotentialVictim(input: $i) { outcome { victimId } } }`,
    {
      i: { idempotencyKey: 'web-review-a', person: { ...person, birthDate: '1992-04-09' }, decision: decision('POLICE') },
    },
    'police',
  );
  const { organisations } = await gql<{ organisations: { id: string; name: string }[] }>(`{ organisations { id name } }`, {}, 'ngo:rosa-demo');
  const rosa = organisations.find((o) => o.name === 'ROSA (demo)')!.id;
  const b = await gql(
    `mutation($i: NgoRegisterPotentialVictimInput!) { ngoRegisterPotentialVictim(input: $i) { outcome { victimId } } }`,
    {
      i: {
        idempotencyKey: 'web-review-b',
        organisationId: rosa,
        person: { ...person, familyName: 'Webtesta', birthDate: undefined },
        decision: decision('NGO'),
      },
    },
    'ngo:rosa-demo',
  );
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
  const devAuth = devAuthMiddleware((claims) =>
    hub.issuer.token({
      agency: claims.agency,
      roles: claims.roles,
      purpose: claims.purpose ?? null,
      sub: `web-${claims.agency}-${claims.roles[0]}`,
      expiresIn: '30m',
    }),
  );
  app = await serveApp({
    dir: outDir,
    gatewayUrl: production.url,
    // The development configuration, polling every second so the live tests need not wait 15 s.
    before: (req, res, next) => {
      if (req.url === '/config.json') {
        res.setHeader('content-type', 'application/json');
        return void res.end(JSON.stringify({ ...DEV_WEB_CONFIG, pollIntervalMs: POLL_MS }));
      }
      devAuth(req, res, next);
    },
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
    if (r.url().endsWith('/graphql'))
      void r.text().then(
        (t) => answers.push(`${r.status()} ${t.slice(0, 300)}`),
        () => {},
      );
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
    const axe = (
      window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }
    ).axe;
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
  return page.$$eval('[data-testid^="section-"]', (els) =>
    Object.fromEntries(els.map((e) => [(e as HTMLElement).dataset.testid!.slice(8), (e as HTMLElement).dataset.state!])),
  );
}

async function ngoRecords(page: Page) {
  return {
    visible: await page.locator('[data-testid="ngo-record"]').count(),
    refused: await page.locator('[data-testid="ngo-record-refused"] [data-refusal]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.refusal)),
  };
}

// The README's policy table, for a victim known to the police and to ROSA whose client consented to the police and the coordinating unit only.
const EXPECTED: Record<string, { sections: Record<string, string>; ngo: { visible: number; refused: string[] } }> = {
  'police-investigator': {
    sections: { nrm: 'shown', police: 'shown', immigration: 'refused', childWelfare: 'refused', assistance: 'shown' },
    ngo: { visible: 1, refused: [] },
  },
  'udi-caseworker': {
    sections: { nrm: 'shown', police: 'refused', immigration: 'empty', childWelfare: 'refused', assistance: 'shown' },
    ngo: { visible: 0, refused: ['CONSENT_REQUIRED'] },
  },
  'child-welfare-caseworker': {
    sections: { nrm: 'shown', police: 'refused', immigration: 'refused', childWelfare: 'empty', assistance: 'shown' },
    ngo: { visible: 0, refused: ['CONSENT_REQUIRED'] },
  },
  'ngo-worker': {
    sections: { nrm: 'shown', police: 'refused', immigration: 'refused', childWelfare: 'refused', assistance: 'shown' },
    ngo: { visible: 1, refused: [] },
  },
  'coordinating-unit': {
    sections: { nrm: 'shown', police: 'shown', immigration: 'empty', childWelfare: 'empty', assistance: 'shown' },
    ngo: { visible: 1, refused: [] },
  },
  'child-coordinating-unit': {
    sections: { nrm: 'shown', police: 'shown', immigration: 'empty', childWelfare: 'empty', assistance: 'shown' },
    ngo: { visible: 1, refused: [] },
  },
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
      // The child coordinating unit starts on its own page; the victims list is one click away.
      if (new URL(page.url()).pathname !== '/victims') await page.click('nav >> text=Ofre');
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

  // ---- Statistics, alerts and deadlines, child coordination, per-field match review ----

  /** The statistics table cell of a row for a year: its `data-value` (a number) or 'suppressed', and its text. */
  async function statCell(page: Page, table: string, key: string, year: number, series?: string) {
    const cell = page.locator(`[data-testid="row-${table}-${key}"] td[data-year="${year}"]${series ? `[data-series="${series}"]` : ''}`).first();
    const suppressed = (await cell.getAttribute('data-suppressed')) === 'true';
    const value = await cell.getAttribute('data-value');
    return { value: suppressed ? 'suppressed' : value === null ? null : Number(value), text: (await cell.innerText()).trim() };
  }

  it('shows the coordinating unit the source report’s 2021 figures (2020 beside them), persons against registrations, the bounds of open reviews, and the CSV', async () => {
    const { body } = await hub.query<any>(
      STATISTICS_QUERY,
      { year: 2021, previous: 2020 },
      await hub.as({ agency: 'coordinating-unit', roles: ['coordinator'], purpose: 'CASE-2021-17' }),
    );
    const api = body.data.statistics;
    const { context, page } = await signIn('coordinating-unit');
    await page.click('nav >> text=Statistikk');
    await page.selectOption('#stats-year', '2021');
    await page.waitForSelector('[data-testid="statistics"][data-year="2021"]');
    expect(new URL(page.url()).search).toBe('?year=2021');
    // Persons vs registrations vs duplicates, as the API counts them (persons fewer than registrations).
    const figure = async (id: string) => Number((await page.innerText(`[data-testid="${id}"]`)).replace(/\D/g, ''));
    expect(await figure('persons-count')).toBe(api.persons.count.value);
    expect(await figure('registrations-count')).toBe(api.registrations.value);
    expect(await figure('duplicates-count')).toBe(api.registrations.value - api.persons.count.value);
    expect(api.persons.count.value).toBeLessThan(api.registrations.value);
    const bounds = await page.innerText('[data-testid="persons-bounds"]');
    if (api.persons.openLinkReviews.value > 0) {
      expect(bounds).toContain(String(api.persons.lowerBound.value));
      expect(bounds).toContain(String(api.persons.upperBound.value));
    } else expect(bounds).toContain('Ingen åpne matchvurderinger');
    // The source report's 2021 figures (2020): test/support/statistics-checks.ts.
    expect(await statCell(page, 'identifiedBy', 'NGO', 2021)).toMatchObject({ value: 82 });
    expect(await statCell(page, 'identifiedBy', 'NGO.ADULT', 2021)).toMatchObject({ value: 82 });
    expect(await statCell(page, 'identifiedBy', 'GOVERNMENT.CHILD', 2021)).toMatchObject({ value: 1 });
    expect(await statCell(page, 'agencyFigures', 'ngoPersonsAssisted', 2021)).toMatchObject({ value: 82 });
    expect(await statCell(page, 'agencyFigures', 'childVictimsAssisted', 2021)).toMatchObject({ value: 1 });
    expect(await statCell(page, 'agencyFigures', 'childVictimsAssisted', 2020)).toMatchObject({ value: 0, text: '0' });
    expect(await statCell(page, 'agencyFigures', 'reflectionPeriods', 2021)).toMatchObject({ value: 8 });
    expect(await statCell(page, 'agencyFigures', 'reflectionPeriods', 2020)).toMatchObject({ value: 16 });
    expect(await statCell(page, 'agencyFigures', 'permit.LIMITED_TRAFFICKING', 2021)).toMatchObject({ value: 8 });
    expect(await statCell(page, 'agencyFigures', 'permit.LIMITED_TRAFFICKING', 2020)).toMatchObject({ value: 3 });
    expect(await statCell(page, 'agencyFigures', 'permit.HUMANITARIAN', 2021)).toMatchObject({ value: 2 });
    expect(await statCell(page, 'agencyFigures', 'permit.HUMANITARIAN', 2020)).toMatchObject({ value: 6 });
    expect(await statCell(page, 'agencyFigures', 'permit.PROTECTION', 2021)).toMatchObject({ value: 1 });
    expect(await statCell(page, 'agencyFigures', 'victimsPaidCompensation', 2021)).toMatchObject({ value: 5 });
    expect(await statCell(page, 'agencyFigures', 'compensationPaidNok', 2021)).toMatchObject({ value: 446_000 });
    expect(await statCell(page, 'agencyFigures', 'victimsInCustodyOrPrison', 2021)).toMatchObject({ value: 1 });
    // Every breakdown the issue names is there, each with its table; the charted ones with a chart.
    for (const id of [
      'overview',
      'byAgency',
      'exploitation',
      'gender',
      'ageGroup',
      'citizenshipArea',
      'citizenship',
      'status',
      'identifiedBy',
      'agencyFigures',
    ]) {
      expect(await page.locator(`[data-testid="stat-${id}"] table tbody tr`).count(), id).toBeGreaterThan(0);
    }
    for (const id of ['overview', 'byAgency', 'exploitation', 'gender', 'ageGroup', 'citizenshipArea']) {
      expect(await page.locator(`[data-testid="stat-${id}"] .chart .recharts-wrapper`).count(), id).toBe(1);
      expect(await page.locator(`[data-testid="stat-${id}"] .chart .recharts-bar-rectangle`).count(), id).toBeGreaterThan(0);
    }
    // The by-agency table adds up to the registrations, as the API's does.
    for (const a of api.byRegisteringAgency) {
      expect(await statCell(page, 'byAgency', a.agency, 2021, 'registrations')).toMatchObject({ value: a.registrations.value });
      expect(await statCell(page, 'byAgency', a.agency, 2021, 'persons')).toMatchObject({ value: a.persons.value });
    }
    for (const r of api.personsByExploitation) expect(await statCell(page, 'exploitation', r.key, 2021)).toMatchObject({ value: r.count.value });
    violations.push(...(await audit(page, 'coordinating-unit-statistics')));
    // The CSV, made in the browser from the answer.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="download-csv"]')]);
    expect(download.suggestedFilename()).toBe('nrm-statistics-2021.csv');
    const csv = readFileSync((await download.path())!, 'utf8').split('\r\n');
    expect(csv[0]).toBe('table,series,key,label,2021,2020');
    expect(csv).toContain('agencyFigures,count,reflectionPeriods,Refleksjonsperioder innvilget,8,16');
    expect(csv).toContain('agencyFigures,count,childVictimsAssisted,Barn fulgt opp av barnevernet,1,0');
    expect(csv).toContain(`overview,count,persons,Personer,${api.persons.count.value},${api.compareTo.persons.count.value}`);
    await context.close();
  });

  it('shows the NRM working group suppressed cells as suppressed, never as 0, and the large figures', async () => {
    const { context, page } = await signIn('nrm-working-group');
    expect(new URL(page.url()).pathname).toBe('/statistics');
    await page.goto(`${app.url}/statistics?year=2021`);
    await page.waitForSelector('[data-testid="statistics"][data-year="2021"]');
    expect(await statCell(page, 'agencyFigures', 'childVictimsAssisted', 2021)).toEqual({ value: 'suppressed', text: 'prikket' });
    expect(await statCell(page, 'identifiedBy', 'GOVERNMENT.CHILD', 2021)).toEqual({ value: 'suppressed', text: 'prikket' });
    expect(await statCell(page, 'agencyFigures', 'victimsInCustodyOrPrison', 2021)).toEqual({ value: 'suppressed', text: 'prikket' });
    expect(await statCell(page, 'agencyFigures', 'ngoPersonsAssisted', 2021)).toMatchObject({ value: 82 });
    expect(await statCell(page, 'agencyFigures', 'reflectionPeriods', 2021)).toMatchObject({ value: 8 });
    // No published cell from 1 to 4 anywhere on the page.
    const values = await page.$$eval('[data-testid="statistics"] td[data-value]', (els) => els.map((e) => Number((e as HTMLElement).dataset.value)));
    expect(values.length).toBeGreaterThan(40);
    for (const v of values) expect(v === 0 || v >= 5, String(v)).toBe(true);
    expect(await page.locator('[data-testid="statistics"] td[data-suppressed="true"]').count()).toBeGreaterThan(2);
    violations.push(...(await audit(page, 'nrm-working-group-statistics')));
    // In English the same cell says "suppressed".
    await page.click('button:has-text("English")');
    expect(await statCell(page, 'agencyFigures', 'childVictimsAssisted', 2021)).toEqual({ value: 'suppressed', text: 'suppressed' });
    await page.click('button:has-text("Norsk")');
    await context.close();
  });

  it('refuses statistics to a caseworker (no page, and the hub’s refusal if asked)', async () => {
    const { context, page } = await signIn('police-investigator');
    expect(await page.locator('nav[aria-label="Hovedmeny"] a').allTextContents()).toEqual(['Ofre', 'Varsler og frister']);
    await page.goto(`${app.url}/statistics`);
    expect(await page.locator('h1').textContent()).toBe('Ingen tilgang');
    await context.close();
  });

  it('shows a new alert on the open alerts page and in the navigation counter without a reload, and lets UDI take and close it', async () => {
    const udi = await signIn('udi-caseworker');
    await udi.page.click('nav >> text=Varsler og frister');
    await udi.page.waitForSelector('[data-testid="part-alerts"][data-state="shown"], [data-testid="part-alerts"][data-state="empty"]');
    const counter = udi.page.locator('[data-testid="alert-count"]');
    await counter.waitFor();
    const before = Number(await counter.getAttribute('data-count'));
    // UDI's parts come; the police's custody flags and child welfare's deadlines are refused, visibly.
    await udi.page.waitForSelector('[data-testid="part-custody"][data-state="refused"]');
    await udi.page.waitForSelector('[data-testid="part-childWelfareDeadlines"][data-state="refused"]');
    expect(await udi.page.getAttribute('[data-testid="part-custody"] [data-refusal]', 'data-refusal')).toBe('FORBIDDEN');
    expect(await udi.page.getAttribute('[data-testid="part-childWelfareDeadlines"] [data-refusal]', 'data-refusal')).toBe('FORBIDDEN');
    await udi.page.waitForSelector('[data-testid="part-mismatches"][data-state="refused"]');
    const marker = await udi.page.evaluate(() => {
      (window as unknown as { __samePage: boolean }).__samePage = true;
      return true;
    });
    expect(marker).toBe(true);

    // Through the API, while the page is open: a person the police registered as a possible victim, known to UDI, with a return planned; UDI's check hits.
    const police = { agency: 'police', roles: ['investigator'], purpose: 'CASE-2021-17' };
    const udiClaims = { agency: 'immigration', roles: ['caseworker'], purpose: 'CASE-2021-17' };
    const api = async (claims: typeof police, query: string, variables: Record<string, unknown>) => {
      const res = await hub.query<any>(query, variables, await hub.as(claims));
      if (res.body.errors?.length) throw new Error(res.body.errors.map((e) => e.message).join('; '));
      return res.body.data;
    };
    // One synthetic person (a valid synthetic D-nummer), so UDI's registration joins the police's victim.
    const person = syntheticPerson('WebAlert', '1994-02-17').input;
    const decision = (decidedBy: string, status = 'POSSIBLE') => ({ status, decidedBy, exploitationTypes: ['FORCED_LABOUR'], decidedOn: '2022-03-01' });
    const reg = await api(
      police,
      `mutation($i: PoliceRegisterPotentialVictimInput!) { policeRegisterPotentialVictim(input: $i) { outcome { victimId } person { id } } }`,
      {
        i: { idempotencyKey: 'web-alert-police', person, decision: decision('POLICE') },
      },
    );
    const victimId: string = reg.policeRegisterPotentialVictim.outcome.victimId;
    const udiReg = await api(
      udiClaims,
      `mutation($i: ImmigrationRegisterPotentialVictimInput!) { immigrationRegisterPotentialVictim(input: $i) { outcome { victimId } applicant { id } } }`,
      {
        i: { idempotencyKey: 'web-alert-udi', person, decision: decision('NON_POLICE_GOVERNMENT', 'NOT_A_VICTIM') },
      },
    );
    expect(udiReg.immigrationRegisterPotentialVictim.outcome.victimId).toBe(victimId);
    const applicantId: string = udiReg.immigrationRegisterPotentialVictim.applicant.id;
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const planned = await api(udiClaims, `mutation($i: ImmigrationPlanReturnInput!) { immigrationPlanReturn(input: $i) { id } }`, {
      i: { idempotencyKey: 'web-alert-return', applicantId, departureDate: day(12) },
    });
    const checked = await api(
      udiClaims,
      `mutation($i: ImmigrationCheckReturnInput!) { immigrationCheckReturn(input: $i) { id checkStatus checks { hit alert { id state } } } }`,
      {
        i: { returnId: planned.immigrationPlanReturn.id },
      },
    );
    expect(checked.immigrationCheckReturn.checkStatus).toBe('ALERT_OPEN');
    const alertId: string = checked.immigrationCheckReturn.checks.at(-1).alert.id;

    // The open page shows it within a few polls, and the counter goes up, with no reload.
    const card = udi.page.locator(`[data-testid="alert"][data-alert-id="${alertId}"]`);
    await card.waitFor({ timeout: POLL_MS * 10 });
    expect(await card.getAttribute('data-victim-id')).toBe(victimId);
    expect(await card.innerText()).toContain('Registrert som mulig offer');
    await udi.page.waitForFunction((n) => Number(document.querySelector('[data-testid="alert-count"]')?.getAttribute('data-count')) === n, before + 1, {
      timeout: POLL_MS * 10,
    });
    expect(await udi.page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);
    violations.push(...(await audit(udi.page, 'udi-caseworker-alerts')));

    // Take it, then close it with a note; the hub records who.
    await card.locator('[data-testid="acknowledge"]').click();
    await udi.page.waitForSelector(`[data-testid="alert"][data-alert-id="${alertId}"][data-alert-state="ACKNOWLEDGED"]`);
    expect(await udi.page.textContent('[data-testid="alert-outcome"]')).toContain(`Varselet ${alertId} er tatt.`);
    await udi.page.waitForFunction((n) => Number(document.querySelector('[data-testid="alert-count"]')?.getAttribute('data-count')) === n, before, {
      timeout: POLL_MS * 10,
    });
    await card.locator('[data-testid="close-note"]').fill('Returen er stanset; saken er sendt til politiet.');
    await card.locator('[data-testid="close"]').click();
    await card.waitFor({ state: 'detached' });
    expect(await udi.page.textContent('[data-testid="alert-outcome"]')).toContain(`Varselet ${alertId} er lukket.`);
    const after = await api(
      { agency: 'coordinating-unit', roles: ['coordinator'], purpose: 'CASE-2021-17' },
      `{ alerts(state: CLOSED) { id state acknowledgedBy closedBy closeNote } }`,
      {},
    );
    expect(after.alerts).toContainEqual({
      id: alertId,
      state: 'CLOSED',
      acknowledgedBy: 'web-immigration-caseworker',
      closedBy: 'web-immigration-caseworker',
      closeNote: 'Returen er stanset; saken er sendt til politiet.',
    });
    await udi.context.close();
  });

  it('shows deadlines falling due and custody flags to the agencies that hold them, and everything to the coordinating unit', async () => {
    const police = { agency: 'police', roles: ['investigator'], purpose: 'CASE-2021-17' };
    const udiClaims = { agency: 'immigration', roles: ['caseworker'], purpose: 'CASE-2021-17' };
    const api = async (claims: typeof police, query: string, variables: Record<string, unknown>) => {
      const res = await hub.query<any>(query, variables, await hub.as(claims));
      if (res.body.errors?.length) throw new Error(res.body.errors.map((e) => e.message).join('; '));
      return res.body.data;
    };
    const decision = (decidedBy: string) => ({ status: 'POSSIBLE', decidedBy, exploitationTypes: ['FORCED_CRIMINALITY'], decidedOn: '2022-04-01' });
    // A reflection period granted six months less ten days ago ends in about ten days.
    const granted = new Date();
    granted.setUTCMonth(granted.getUTCMonth() - 6);
    granted.setUTCDate(granted.getUTCDate() + 10);
    const udiReg = await api(
      udiClaims,
      `mutation($i: ImmigrationRegisterPotentialVictimInput!) { immigrationRegisterPotentialVictim(input: $i) { outcome { victimId } applicant { id } } }`,
      {
        i: {
          idempotencyKey: 'web-deadline-udi',
          person: { givenNames: 'Pelmira Webfrist', familyName: 'Austravik', birthDate: '1990-11-03', gender: 'FEMININE', citizenships: ['VN'] },
          decision: decision('NON_POLICE_GOVERNMENT'),
        },
      },
    );
    const deadlineVictim: string = udiReg.immigrationRegisterPotentialVictim.outcome.victimId;
    await api(udiClaims, `mutation($i: ImmigrationGrantReflectionPeriodInput!) { immigrationGrantReflectionPeriod(input: $i) { id endsAt } }`, {
      i: {
        idempotencyKey: 'web-deadline-reflection',
        applicantId: udiReg.immigrationRegisterPotentialVictim.applicant.id,
        grantedAt: granted.toISOString().slice(0, 10),
      },
    });
    // A police-registered victim in custody since yesterday: a non-punishment flag.
    const polReg = await api(
      police,
      `mutation($i: PoliceRegisterPotentialVictimInput!) { policeRegisterPotentialVictim(input: $i) { outcome { victimId } person { id } } }`,
      {
        i: {
          idempotencyKey: 'web-custody-police',
          person: { givenNames: 'Tobrenn Webvakt', familyName: 'Ilvesund', birthDate: '1988-05-21', gender: 'MASCULINE', citizenships: ['RO'] },
          decision: decision('POLICE'),
        },
      },
    );
    const custodyVictim: string = polReg.policeRegisterPotentialVictim.outcome.victimId;
    await api(police, `mutation($i: PoliceRecordCustodyStayInput!) { policeRecordCustodyStay(input: $i) { id } }`, {
      i: {
        idempotencyKey: 'web-custody-stay',
        personId: polReg.policeRegisterPotentialVictim.person.id,
        kind: 'CUSTODY',
        facility: 'Oslo politihus',
        startedAt: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
      },
    });

    // A registered victim of a case investigated as pimping, not trafficking: a classification mismatch.
    const pimping = await api(police, `mutation($i: PoliceOpenInvestigationInput!) { policeOpenInvestigation(input: $i) { id } }`, {
      i: { reference: 'OSL-2022-0913', policeDistrict: 'Oslo', offence: 'PIMPING', openedAt: '2022-05-02' },
    });
    const mismatchReg = await api(
      police,
      `mutation($i: PoliceRegisterPotentialVictimInput!) { policeRegisterPotentialVictim(input: $i) { outcome { victimId } } }`,
      {
        i: {
          idempotencyKey: 'web-mismatch-police',
          investigationId: pimping.policeOpenInvestigation.id,
          person: { givenNames: 'Marvetta Webklasse', familyName: 'Sundhovde', birthDate: '1993-08-12', gender: 'FEMININE', citizenships: ['BG'] },
          decision: decision('POLICE'),
        },
      },
    );
    const mismatchVictim: string = mismatchReg.policeRegisterPotentialVictim.outcome.victimId;

    // The police: custody flags and classification mismatches; UDI's and child welfare's parts refused.
    const pol = await signIn('police-investigator');
    await pol.page.click('nav >> text=Varsler og frister');
    await pol.page.waitForSelector('[data-testid="part-custody"][data-state="shown"]');
    expect(await pol.page.innerText('[data-testid="part-custody"]')).toContain(custodyVictim);
    expect(await pol.page.innerText('[data-testid="part-custody"]')).toContain('Registrert som mulig offer');
    await pol.page.waitForSelector('[data-testid="part-mismatches"][data-state="shown"]');
    const mismatchRow = await pol.page.locator(`[data-testid="part-mismatches"] tr:has-text("${mismatchVictim}")`).innerText();
    expect(mismatchRow).toContain('OSL-2022-0913');
    expect(mismatchRow).toContain('Hallikvirksomhet (§ 315)');
    expect(mismatchRow).toContain('Straffefrihet');
    for (const part of ['alerts', 'returns', 'immigrationDeadlines', 'childWelfareDeadlines']) {
      await pol.page.waitForSelector(`[data-testid="part-${part}"][data-state="refused"]`);
      expect(await pol.page.getAttribute(`[data-testid="part-${part}"] [data-refusal]`, 'data-refusal'), part).toBe('FORBIDDEN');
    }
    expect(await pol.page.locator('[data-testid="alert-count"]').count()).toBe(0);
    violations.push(...(await audit(pol.page, 'police-investigator-alerts')));
    await pol.context.close();

    // The coordinating unit: every part, the reflection period ending among the deadlines.
    const cu = await signIn('coordinating-unit');
    await cu.page.click('nav >> text=Varsler og frister');
    await cu.page.waitForSelector('[data-testid="part-immigrationDeadlines"][data-state="shown"]');
    const row = cu.page.locator(`[data-testid="part-immigrationDeadlines"] tr:has-text("${deadlineVictim}")`);
    expect(await row.innerText()).toContain('Refleksjonsperioden slutter');
    const daysLeft = Number(await row.locator('[data-testid="days-left"]').innerText());
    expect(daysLeft).toBeGreaterThanOrEqual(8);
    expect(daysLeft).toBeLessThanOrEqual(12);
    await cu.page.waitForSelector('[data-testid="part-custody"][data-state="shown"]');
    expect(await cu.page.innerText('[data-testid="part-custody"]')).toContain(custodyVictim);
    await cu.page.waitForSelector('[data-testid="part-mismatches"][data-state="shown"]');
    expect(await cu.page.innerText('[data-testid="part-mismatches"]')).toContain(mismatchVictim);
    for (const part of ['alerts', 'returns', 'childWelfareDeadlines', 'mismatches']) {
      await cu.page.waitForSelector(`[data-testid="part-${part}"]:not([data-state="loading"])`);
      expect(await cu.page.getAttribute(`[data-testid="part-${part}"]`, 'data-state'), part).not.toBe('refused');
    }
    // The closed alert of the test above is in the closed list.
    expect(await cu.page.innerText('[data-testid="part-alerts"]')).toContain('Returen er stanset');
    violations.push(...(await audit(cu.page, 'coordinating-unit-alerts')));
    await cu.context.close();

    // The NGO worker has no alerts page.
    const ngoWorker = await signIn('ngo-worker');
    expect(await ngoWorker.page.locator('nav[aria-label="Hovedmeny"] a').allTextContents()).toEqual(['Ofre']);
    await ngoWorker.page.goto(`${app.url}/alerts`);
    expect(await ngoWorker.page.locator('h1').textContent()).toBe('Ingen tilgang');
    await ngoWorker.context.close();
  });

  it('shows the child coordinating unit every child victim across the agencies, and no one else the page', async () => {
    const { context, page } = await signIn('child-coordinating-unit');
    expect(new URL(page.url()).pathname).toBe('/child-coordination');
    const card = page.locator(`[data-testid="child-victim"][data-victim-id="${child}"]`);
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain('Barnevernet');
    expect(text).toMatch(/Vurdert som (barn|voksen)|Ikke vurdert|Omstridt/);
    // Every card is a child: none of them is refused wholesale.
    expect(await page.locator('main [data-refusal="FORBIDDEN"]').count()).toBe(0);
    violations.push(...(await audit(page, 'child-coordinating-unit-children')));
    await context.close();
    for (const role of ['police-investigator', 'child-welfare-caseworker', 'udi-caseworker']) {
      const other = await signIn(role);
      expect(await other.page.locator('nav >> text=Barnekoordinering').count()).toBe(0);
      await other.page.goto(`${app.url}/child-coordination`);
      expect(await other.page.locator('h1').textContent()).toBe('Ingen tilgang');
      await other.context.close();
    }
  });

  it('lets the coordinating unit confirm a match from the review queue, and the two victims are merged', async () => {
    const { context, page } = await signIn('coordinating-unit');
    await page.click('nav >> text=Matchvurdering');
    const card = page.locator(`[data-testid="link-review"]:has-text("${review.victim}")`);
    await card.waitFor();
    // Per-field agreement levels and weights, as the API reports them (never a name or a date); the birth date one registration lacks is not compared.
    const { linkReviews } = await gql<{
      linkReviews: { victim: { id: string }; matchWeight: number; fields: { field: string; level: string; weight: number }[] }[];
    }>(`{ linkReviews(state: OPEN) { victim { id } matchWeight fields { field level weight } } }`, {}, 'coordinating-unit', ['coordinator']);
    const expected = linkReviews.find((r) => r.victim.id === review.victim)!;
    expect(expected.fields.map((f) => f.field)).toContain('NAME');
    const shown = await card
      .locator('[data-testid="match-fields"] [data-field]')
      .evaluateAll((els) => els.map((e) => [(e as HTMLElement).dataset.field, (e as HTMLElement).dataset.level]));
    expect(shown).toEqual(['NAME', 'DATE', 'SEX', 'CITIZENSHIP'].map((f) => [f, expected.fields.find((x) => x.field === f)?.level ?? 'MISSING']));
    expect(expected.fields.find((f) => f.field === 'DATE')).toBeUndefined();
    const weights = await card
      .locator('[data-testid="match-fields"] [data-weight]')
      .evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.weight)));
    expect(weights).toEqual(expected.fields.map((f) => f.weight));
    expect(await card.innerText()).not.toContain('Webtestaj');
    violations.push(...(await audit(page, 'coordinating-unit-match-review')));
    await card.locator('[data-testid="confirm"]').click();
    await page.waitForSelector('[data-testid="match-outcome"] .ds-alert, [data-testid="match-outcome"] [data-color]');
    expect(await page.textContent('[data-testid="match-outcome"]')).toContain(`${review.victim} er slått sammen med ${review.candidate}`);
    await card.waitFor({ state: 'detached' });
    const merged = await gql(`query($id: ID!) { victim(id: $id) { id mergedIds } }`, { id: review.victim }, 'coordinating-unit', ['coordinator']);
    expect(merged.victim).toEqual({ id: review.candidate, mergedIds: [review.victim] });
    await context.close();
  });

  it('filters the victims list by agency, status, year and age group, in the URL as codes only', async () => {
    const { context, page } = await signIn('coordinating-unit');
    await victimsTable(page);
    await page.selectOption('#filter-agency', 'CHILD_WELFARE');
    await page.waitForURL(/agency=CHILD_WELFARE/);
    await victimsTable(page);
    await page.waitForSelector(`[data-testid="victim-link"]:has-text("${child}")`);
    const agencies = await page.$$eval('[data-testid="victims-table"] tbody tr td:nth-child(3)', (tds) => tds.map((td) => td.textContent ?? ''));
    expect(agencies.length).toBeGreaterThan(0);
    for (const a of agencies) expect(a).toContain('Barnevernet');
    // Age group too: the child victim is a child to the coordinating unit.
    await page.selectOption('#filter-ageGroup', 'CHILD');
    await page.waitForURL(/ageGroup=CHILD/);
    await page.waitForSelector(`[data-testid="victim-link"]:has-text("${child}")`);
    violations.push(...(await audit(page, 'coordinating-unit-victims-filtered')));
    // Status: every row shows the chosen status; year with paging.
    await page.goto(`${app.url}/victims?status=ACTUAL&year=2021`);
    await victimsTable(page);
    const statuses = await page.$$eval('[data-testid="victims-table"] tbody tr td:nth-child(2)', (tds) => tds.map((td) => td.textContent ?? ''));
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['Identifisert offer']));
    const api = await gql<{ victims: { id: string }[] }>(
      `query($f: VictimFilter) { victims(first: 500, filter: $f) { id } }`,
      { f: { status: 'ACTUAL', year: 2021 } },
      'coordinating-unit',
      ['coordinator'],
    );
    const shown = await page.$$eval('[data-testid="victim-link"]', (as) => as.map((a) => a.textContent));
    expect(shown).toEqual(api.victims.slice(0, 20).map((v) => v.id));
    if (api.victims.length > 20) {
      await page.click('[data-testid="next-page"]');
      await page.waitForURL(/trail=/);
      expect(new URL(page.url()).searchParams.get('status')).toBe('ACTUAL');
      await page.waitForSelector(`[data-testid="victim-link"]:has-text("${api.victims[20]!.id}")`);
    }
    await context.close();
    // The police filtering by NGO learn nothing: no NGO registration is theirs to see.
    const police = await signIn('police-investigator');
    await police.page.goto(`${app.url}/victims?agency=NGO`);
    await police.page.waitForSelector('[data-testid="victims-empty"]');
    expect(await police.page.locator('[data-testid="victim-link"]').count()).toBe(0);
    await police.context.close();
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

  it('gives the NRM working group no victim pages (the hub would refuse them too), only statistics', async () => {
    const { context, page } = await signIn('nrm-working-group');
    expect(await page.locator('nav[aria-label="Hovedmeny"] a').allTextContents()).toEqual(['Statistikk']);
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
