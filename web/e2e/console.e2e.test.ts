// The duty console in Debian's Chromium, two people at two browsers. A crane reading raises an alert that
// reaches the officer's queue live (SSE, no reload); the officer acknowledges it and opens a case, dispatches
// it to the suggested unit; the unit's handler reports it handled with a photo; the officer fails the
// verification (返工); the handler reports again; the officer verifies and closes. Each side sees the other's
// steps live, the timeline says 返工, the photos load, the KPIs move, and the console never downloads Cesium.
// Then a hotline case from the form, keyboard and link navigation, and a stale step refused with CONFLICT.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createUser } from '../../api/src/access/accounts.service.ts';
import { createTestToken, graphqlClient, TEST_ACTOR } from '../../scripts/test/graphql-client.ts';
import { formatDate } from '../src/format/time.ts';
import { launchChromium } from './browser.ts';
import { type PageWatch, pngFile, signIn, watchPage } from './fixtures.ts';
import { appForFile } from './server.ts';

const run = Date.now().toString(36);
const PASSWORD = 'Console-pass-1';
const officer = `e2e${run}.duty`;
const handler = `e2e${run}.unit`;
const { pool, server } = appForFile([
  { username: officer, displayName: '值班员测试', role: 'duty_officer', password: PASSWORD },
]);

/** A crane monitor without an open alert, on a spot a housing bureau serves (so 派遣 has a suggestion). */
async function quietCrane(): Promise<string> {
  const { rows } = await pool.query<{ code: string }>(
    `SELECT d.code FROM devices d
     WHERE d.type = 'crane_monitor'
       AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.device_id = d.id AND a.cleared_at IS NULL)
       AND EXISTS (SELECT 1 FROM responsible_units u
                   WHERE u.kind = 'housing_bureau' AND ST_Covers(u.service_area, d.location))
     ORDER BY random() LIMIT 1`,
  );
  if (!rows[0]) throw new Error('the seeded city has no quiet crane monitor');
  return rows[0].code;
}

async function ingest(device: string, value: number) {
  const response = await fetch(`${server.baseUrl}/ingest`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await createTestToken('api_client')}`,
    },
    body: JSON.stringify([
      { device, metric: 'load_moment_ratio', ts: new Date(Date.now() - 5_000).toISOString(), value },
    ]),
  });
  const body = (await response.json()) as { stored: number; alertEvents: number };
  expect(response.status).toBe(200);
  expect(body).toMatchObject({ stored: 1, alertEvents: 1 });
}

async function readKpis(page: Page) {
  const value = async (id: string) =>
    (await page.locator(`[data-testid=kpi-${id}] .kpi-value`).textContent())!;
  const detail = async (id: string) =>
    (await page.locator(`[data-testid=kpi-${id}] .kpi-detail`).textContent())!.split('/').map(Number);
  const [closed, due] = await detail('closure');
  const [reworked, handled] = await detail('rework');
  return {
    due: Number(await value('due')),
    closed: closed!,
    dueOfClosure: due!,
    reworked: reworked!,
    handled: handled!,
    closureText: await value('closure'),
    reworkText: await value('rework'),
  };
}

const percent = (n: number, d: number) => `${((n / d) * 100).toFixed(1)}%`;

/** Opens the form of an allowed action, fills it and submits it. */
async function act(
  page: Page,
  action: string,
  fill: { comment?: string; photo?: ReturnType<typeof pngFile> } = {},
) {
  await page.click(`[data-testid=case-actions] button[data-action=${action}]`);
  const form = page.locator(`[data-testid=action-form][data-action=${action}]`);
  await form.waitFor();
  if (fill.comment) await form.locator('textarea[name=comment]').fill(fill.comment);
  if (fill.photo) await form.locator('input[type=file]').setInputFiles(fill.photo);
  await form.locator('[data-testid=action-submit]').click();
}

const panelState = (page: Page, state: string) =>
  page.waitForSelector(`[data-testid=case-panel][data-state=${state}]`);

const allowed = (page: Page) =>
  page
    .locator('[data-testid=case-actions] button[data-action]')
    .evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.action!).sort());

describe('the duty console', () => {
  it('takes an alert through a case to closing, with rework, live between two people', async () => {
    const crane = await quietCrane();
    const browser = await launchChromium();
    const watches: PageWatch[] = [];
    try {
      // The officer signs in at /console and waits until both live streams are open.
      const duty = await (await browser.newContext({ viewport: { width: 1600, height: 900 } })).newPage();
      duty.setDefaultTimeout(20_000);
      watches.push(await watchPage(duty));
      await duty.goto(`${server.baseUrl}/console`);
      await signIn(duty, officer, PASSWORD);
      await duty.waitForSelector('[data-testid=console][data-live=true]');
      expect(await duty.locator('[data-testid=synthetic-notice]').textContent()).toContain('合成数据');
      expect(await duty.locator('[data-testid=shortcuts]').textContent()).toContain('j/k');

      // KPIs for today and tomorrow (CST): a crane case is due within hours, in natural time.
      const today = formatDate(new Date());
      const tomorrow = formatDate(new Date(Date.now() + 86_400_000));
      await duty.click('[data-testid=period-custom]');
      await duty.fill('[data-testid=period-to]', tomorrow);
      await duty.fill('[data-testid=period-from]', today);
      await duty.waitForSelector(`[data-testid=kpi-strip][data-period="${today}..${tomorrow}"]`);
      const before = await readKpis(duty);

      // A reading over 90% of the rated load moment: the alert arrives in the queue without a reload.
      await ingest(crane, 99);
      const row = duty.locator(`[data-testid=alert-row][data-device="${crane}"]`);
      await row.waitFor();
      expect(await row.textContent()).toMatch(/橙.*塔吊力矩比超限.*新.*待确认/);

      // Select it, acknowledge with "a", then open a case with "c".
      await row.click();
      await duty.keyboard.press('a');
      await duty.locator('[data-testid=alert-form] textarea').fill('已电话通知项目安全员停止吊装并核查');
      await duty.click('[data-testid=alert-form-submit]');
      await duty.waitForSelector(`[data-testid=alert-row][data-device="${crane}"] >> text=已确认`);
      await duty.keyboard.press('c');
      expect(await duty.locator('[data-testid=alert-form] textarea').inputValue()).toContain(
        '塔吊力矩比超限',
      );
      await duty.click('[data-testid=alert-form-submit]');
      await panelState(duty, 'REGISTERED');
      const trackingNo = (await duty.locator('[data-testid=case-tracking]').textContent())!;
      expect(trackingNo).toMatch(/^\d{16}$/);
      expect(await duty.locator('[data-testid=console-notice]').textContent()).toContain(
        `已立案 ${trackingNo}`,
      );
      expect(new URL(duty.url()).pathname).toMatch(/^\/console\/case\/.+/);
      await duty.waitForSelector('[data-testid=case-map] path.home'); // the case's district, outlined
      await duty.waitForSelector(`[data-testid=case-row][data-tracking="${trackingNo}"]`);
      await expect.poll(async () => (await readKpis(duty)).due).toBe(before.due + 1);

      // 派遣 to the first suggested unit, preselected.
      expect(await allowed(duty)).toContain('DISPATCH');
      await duty.click('[data-testid=case-actions] button[data-action=DISPATCH]');
      const unitChoice = duty.locator('[data-testid=action-form] input[name=unit]').first();
      expect(await unitChoice.isChecked()).toBe(true);
      const unitCode = await unitChoice.inputValue();
      await duty.click('[data-testid=action-submit]');
      await panelState(duty, 'DISPATCHED');
      const { rows } = await pool.query<{ unit_code: string }>(
        'SELECT unit_code FROM cases WHERE tracking_no = $1',
        [trackingNo],
      );
      expect(rows[0]?.unit_code).toBe(unitCode);
      expect(await duty.locator('[data-testid=case-unit]').textContent()).toContain(unitCode);

      // The unit's handler: their inbox (待处置) shows the case, with their actions only, and no alert queue.
      await createUser(pool, TEST_ACTOR, {
        username: handler,
        displayName: '处置员测试',
        role: 'unit_handler',
        areaCode: null,
        unitCode,
        password: PASSWORD,
      });
      const unit = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
      unit.setDefaultTimeout(20_000);
      watches.push(await watchPage(unit));
      await unit.goto(`${server.baseUrl}/console`);
      await signIn(unit, handler, PASSWORD);
      await unit.waitForSelector('[data-testid=console][data-live=true]');
      expect(await unit.locator('[data-testid=alert-queue]').count()).toBe(0);
      expect(await unit.locator('select[name=state]').inputValue()).toBe('todo');
      await unit.click(`[data-testid=case-row][data-tracking="${trackingNo}"]`);
      await panelState(unit, 'DISPATCHED');
      expect(await allowed(unit)).toEqual(['REPORT_HANDLED', 'REQUEST_EXTENSION', 'START']);
      await act(unit, 'REPORT_HANDLED', {
        comment: '已停止吊装，更换力矩限制器传感器',
        photo: pngFile('first.png', [200, 40, 40]),
      });
      await panelState(unit, 'HANDLED');

      // The officer's panel follows live; verification fails: back to the unit (返工).
      await panelState(duty, 'HANDLED');
      expect(await allowed(duty)).toEqual(expect.arrayContaining(['VERIFY_FAIL', 'VERIFY_PASS']));
      await act(duty, 'VERIFY_FAIL', { comment: '现场复核：力矩比仍超限，请重新处置' });
      await panelState(duty, 'DISPATCHED');
      expect(
        await duty.locator('[data-testid=case-timeline] li[data-action=verify_fail]').textContent(),
      ).toContain('核查不通过(返工)');

      // The handler sees it come back without a reload, and reports again.
      await panelState(unit, 'DISPATCHED');
      await act(unit, 'REPORT_HANDLED', {
        comment: '重新标定力矩限制器，试吊正常',
        photo: pngFile('second.png', [40, 160, 60]),
      });
      await panelState(unit, 'HANDLED');

      // The officer verifies and closes.
      await panelState(duty, 'HANDLED');
      await act(duty, 'VERIFY_PASS');
      await panelState(duty, 'VERIFIED');
      await act(duty, 'CLOSE');
      await panelState(duty, 'CLOSED');
      expect(await allowed(duty)).toEqual([]);
      const timeline = (await duty.locator('[data-testid=case-timeline]').textContent())!;
      for (const step of [
        '上报',
        '受理',
        '立案',
        '派遣',
        '处置反馈',
        '核查不通过(返工)',
        '核查通过',
        '结案',
      ]) {
        expect(timeline).toContain(step);
      }
      expect(await duty.locator('[data-testid=case-panel]').textContent()).toContain('返工 1 次');
      // Both photos, served from /attachments with the session, have loaded.
      await duty.waitForFunction(() => {
        const images = [...document.querySelectorAll<HTMLImageElement>('.case-photos img')];
        return images.length === 2 && images.every((i) => i.complete && i.naturalWidth === 16);
      });

      // The KPIs moved: one more case due, closed, handled and reworked in the period.
      await expect
        .poll(async () => {
          const k = await readKpis(duty);
          return [k.due, k.closed, k.dueOfClosure, k.reworked, k.handled];
        })
        .toEqual([
          before.due + 1,
          before.closed + 1,
          before.due + 1,
          before.reworked + 1,
          before.handled + 1,
        ]);
      const after = await readKpis(duty);
      expect(after.closureText).toBe(percent(after.closed, after.due));
      expect(after.reworkText).toBe(percent(after.reworked, after.handled));

      for (const w of watches) {
        expect(w.errors).toEqual([]);
        expect(w.offsite).toEqual([]);
        expect(w.cesium).toEqual([]);
      }
    } finally {
      await browser.close();
    }
  });

  it('files a hotline case from the form, opens it by keyboard and by link, and reloads on CONFLICT', async () => {
    const { rows: buildings } = await pool.query<{ code: string }>(
      "SELECT code FROM assets WHERE kind = 'building' ORDER BY random() LIMIT 1",
    );
    const browser = await launchChromium();
    try {
      const page = await (await browser.newContext({ viewport: { width: 1600, height: 900 } })).newPage();
      page.setDefaultTimeout(20_000);
      const watch = await watchPage(page);
      // No live events for this page: it cannot learn of someone else's step before it acts.
      await page.route('**/graphql', (route) =>
        route.request().headers().accept?.includes('text/event-stream') ? route.abort() : route.fallback(),
      );
      await page.goto(`${server.baseUrl}/console`);
      await signIn(page, officer, PASSWORD);
      await page.waitForSelector('[data-testid=case-list]');

      // "n" opens the form; a hotline case is accepted at once.
      await page.keyboard.press('n');
      const form = page.locator('[data-testid=new-case-form]');
      await form.waitFor();
      await form.locator('select[name=category]').selectOption('SJ0501');
      await form.locator('textarea[name=description]').fill('热线来电：楼梯间墙体出现裂缝');
      await form.locator('input[name=assetCode]').fill(buildings[0]!.code.toLowerCase());
      await form.locator('input[name=reporterName]').fill('王女士');
      await form.locator('input[name=reporterPhone]').fill('0755-12345678');
      await page.click('[data-testid=new-case-submit]');
      await panelState(page, 'ACCEPTED');
      const trackingNo = (await page.locator('[data-testid=case-tracking]').textContent())!;
      expect(await page.locator('[data-testid=case-panel]').textContent()).toContain(
        '王女士 · 0755-12345678',
      );
      const caseUrl = page.url();

      // Esc closes the panel; "/" searches; Tab reaches the row, Enter opens it.
      await page.keyboard.press('Escape');
      await page.waitForSelector('[data-testid=case-panel]', { state: 'detached' });
      expect(new URL(page.url()).pathname).toBe('/console');
      await page.keyboard.press('/');
      await page.keyboard.type(trackingNo);
      await page.waitForSelector('[data-testid=case-count] >> text=共 1 件');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.tracking)).toBe(
        trackingNo,
      );
      await page.keyboard.press('Enter');
      await panelState(page, 'ACCEPTED');
      expect(page.url()).toBe(caseUrl);

      // A link to the case opens it directly.
      await page.goto(caseUrl);
      await panelState(page, 'ACCEPTED');
      expect(await page.locator('[data-testid=case-tracking]').textContent()).toBe(trackingNo);

      // Another officer registers it first; this page still shows the old version, and is told so.
      const other = graphqlClient(pool, { role: 'duty_officer', log: () => undefined });
      const found = await other.query<{ cases: { edges: { node: { id: string; version: number } }[] } }>(
        'query ($text: String) { cases(filter: { text: $text }) { edges { node { id version } } } }',
        { text: trackingNo },
      );
      const node = found.data!.cases.edges[0]!.node;
      const registered = await other.query(
        'mutation ($id: ID!, $v: Int!) { transitionCase(id: $id, action: REGISTER, version: $v) { state } }',
        { id: node.id, v: node.version },
      );
      expect(registered.errors).toBeUndefined();
      await act(page, 'REGISTER');
      await panelState(page, 'REGISTERED');
      expect(await page.locator('[data-testid=case-notice]').textContent()).toBe('案件已被他人处理，已刷新');

      // The English switch reaches the console too.
      await page.click('[data-testid=lang-switch]');
      expect(await page.locator('[data-testid=case-state]').textContent()).toBe('Registered');
      expect(await page.locator('[data-testid=synthetic-notice]').textContent()).toContain('synthetic');

      expect(watch.errors).toEqual([]);
      expect(watch.offsite).toEqual([]);
      expect(watch.cesium).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
