import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvestigationRecord } from '../../functions/contracts/index.js';
import { mintLoginCode } from '../../functions/explorer/login-codes.js';
import { readRecord, recordDiagnosis, updateRecord } from '../../functions/shared/records.js';
import { ensureScenarioTenant, runScenario } from '../../cli/scenario-run.js';
import { startLocalStack, type LocalStack } from '../../local/stack.js';
import { putTenant } from '../../local/tenants.js';

/*
 * The explorer in a real browser: Debian's chromium driven by playwright-core, nothing
 * downloaded. CI installs chromium (.ci/run); elsewhere the suite is skipped when the
 * browser is absent, and fails in CI rather than skip.
 */
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCREENSHOTS = process.env.EXPLORER_SCREENSHOT_DIR;
const HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';

const scenario = (name: string) => fileURLToPath(new URL(`../../scenarios/${name}.json`, import.meta.url));
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium for the browser tests`);

let stack: LocalStack;
let shop: InvestigationRecord;
const profiles: string[] = [];
const contexts: BrowserContext[] = [];

async function browserContext(options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'causeway-chromium-'));
  profiles.push(profile);
  // A persistent context is how playwright takes a fresh --user-data-dir of our own.
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1280, height: 900 }, ...options });
  contexts.push(context);
  return context;
}

async function loginLink(next: string): Promise<string> {
  const code = await mintLoginCode(stack.tableName, { tenantId: 'demo', next, by: { issuer: 'causeway:local', subject: 'browser-test', name: 'Browser Test' } }, stack.db);
  return `${stack.apiUrl}/explorer/tenants/demo/login?code=${code}`;
}

/** Console errors and uncaught exceptions, CSP violations included (chromium reports them as console errors). */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** axe-core, evaluated through the DevTools protocol (the page's CSP forbids injected scripts, as it should). */
async function seriousViolations(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe.skipIf(!available)('explorer in chromium', () => {
  beforeAll(async () => {
    stack = await startLocalStack({ retryIntervalMs: 5 });
    const shopScenario = JSON.parse(readFileSync(scenario('shop-storefront-checkout-5xx'), 'utf8')) as { topology?: Record<string, string[]> };
    const tenant = await ensureScenarioTenant(stack, 'demo');
    await putTenant(stack, { ...tenant, topology: shopScenario.topology ?? {} });
    await runScenario(stack, scenario('payments-card-authorizations-failing'));
    shop = (await runScenario(stack, scenario('shop-storefront-checkout-5xx'))).record;
    // Evidence text is attacker-controlled: a log line carrying markup must render as text.
    const evidence = shop.scored!.evidence.map((item) => (item.id === 'LOG_19' && item.class === 'logs' ? { ...item, exemplars: [{ at: item.firstSeen, message: HOSTILE }, ...item.exemplars.slice(1)] } : item));
    await recordDiagnosis(stack.tableName, 'demo', shop.investigationId, { executionName: shop.executionName, scored: { ...shop.scored!, evidence }, rca: shop.rca!, similar: shop.similar });
    await updateRecord(stack.tableName, 'demo', shop.investigationId, { status: shop.status });
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    for (const profile of profiles) rmSync(profile, { recursive: true, force: true });
    await stack?.stop();
  });

  it('goes list → detail → an evidence item → back, with no console error and no serious or critical axe violation', async () => {
    const context = await browserContext();
    const page = await context.newPage();
    const errors = watchErrors(page);

    await page.goto(await loginLink('/explorer/tenants/demo/investigations'));
    expect(new URL(page.url()).pathname).toBe('/explorer/tenants/demo/investigations');
    expect(page.url()).not.toContain('code=');
    await expect(page.locator('h1').textContent()).resolves.toBe('Investigations');
    const rows = page.locator('table.list tbody tr');
    await expect(rows.count()).resolves.toBe(2);
    await expect(rows.first().textContent()).resolves.toContain('pricing');
    await expect(rows.first().textContent()).resolves.toContain(`${Math.round(shop.rca!.confidence * 100)}%`);
    expect(await seriousViolations(page)).toEqual([]);

    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');

    await page.getByRole('link', { name: shop.signal.title }).click();
    await page.waitForURL(`**/investigations/${shop.investigationId}`);
    await expect(page.locator('#root-cause .cause').textContent()).resolves.toBe('pricing — deployment');
    await expect(page.locator('#root-cause').textContent()).resolves.toContain(`${Math.round(shop.rca!.confidence * 100)}%`);
    await expect(page.locator('#graph-d').textContent()).resolves.toBe('From the root cause to the alert: pricing → checkout → storefront. Also shown: nothing else.');
    await expect(page.locator('#series figure.chart').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('#suspects').textContent()).resolves.toContain('Lost:');
    await expect(page.locator('#providers').textContent()).resolves.toContain('no data');
    await expect(page.locator('#action').textContent()).resolves.toContain('policy.decided');
    await expect(page.locator('#feedback-form button[type=submit]').isEnabled()).resolves.toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'detail.png'), fullPage: true });

    await page.locator('#root-cause a.ev', { hasText: 'CHANGE_2' }).click();
    await page.waitForURL('**/evidence/CHANGE_2');
    await expect(page.locator('h1').textContent()).resolves.toContain('CHANGE_2');
    await expect(page.locator('main').textContent()).resolves.toContain('pricing v3.12.0');
    await expect(page.locator('main').textContent()).resolves.toContain('Cited by the root cause');
    expect(await seriousViolations(page)).toEqual([]);

    await page.goBack();
    await page.waitForURL(`**/investigations/${shop.investigationId}`);
    await expect(page.locator('#root-cause .cause').textContent()).resolves.toBe('pricing — deployment');
    expect(errors).toEqual([]);
  });

  it('renders markup in evidence as text: a hostile log line runs nothing', async () => {
    const context = await browserContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(await loginLink(`/explorer/tenants/demo/investigations/${shop.investigationId}/evidence/LOG_19`));
    await expect(page.locator('ul.exemplars pre').first().textContent()).resolves.toBe(HOSTILE);
    await expect(page.locator('ul.exemplars img').count()).resolves.toBe(0);
    await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'evidence.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('records a verdict from the form under the signed-in person, never a name the page sends', async () => {
    const context = await browserContext();
    const page = await context.newPage();
    await page.goto(await loginLink(`/explorer/tenants/demo/investigations/${shop.investigationId}`));
    await page.getByLabel('Wrong').check();
    await page.getByLabel('The actual root-cause service (optional)').fill('checkout');
    await page.getByLabel('Its kind').selectOption('code_defect');
    const errors = watchErrors(page);
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await expect.poll(() => page.locator('#feedback-status').textContent(), { timeout: 10_000 }).toMatch(/^Recorded\. Thank you\./);
    expect(errors).toEqual([]);
    const record = await readRecord(stack.tableName, 'demo', shop.investigationId, stack.db);
    expect(record?.feedback).toContainEqual(
      expect.objectContaining({ verdict: 'wrong', rootCause: { service: 'checkout', kind: 'code_defect' }, by: { issuer: 'causeway:local', subject: 'browser-test', name: 'Browser Test' } }),
    );
  });

  it('shows the root cause, the evidence and the sign-in with JavaScript off', async () => {
    const context = await browserContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(await loginLink(`/explorer/tenants/demo/investigations/${shop.investigationId}`));
    await expect(page.locator('#root-cause .cause').textContent()).resolves.toBe('pricing — deployment');
    await expect(page.locator('#evidence li').count()).resolves.toBe(shop.scored!.evidence.length);
    await expect(page.locator('#feedback-form noscript').count()).resolves.toBe(1);
    await page.goto(`${stack.apiUrl}/explorer/sign-in`);
    await expect(page.locator('form[method=post] input[type=password]').count()).resolves.toBe(1);
  });
});
