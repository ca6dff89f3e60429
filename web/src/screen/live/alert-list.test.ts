import { describe, expect, it } from 'vitest';
import type { ActiveAlert } from '../types.ts';
import {
  type AlertEventData,
  type AlertNode,
  applyEvent,
  eventItem,
  pushEvent,
  type TickerItem,
  tickerItems,
  toActiveAlert,
  toActiveAlerts,
} from './alert-list.ts';

const node = (id: string, over: Partial<AlertNode> = {}): AlertNode => ({
  id,
  severity: 'YELLOW',
  acknowledged: false,
  startedAt: '2026-11-21T06:00:00Z',
  raisedAt: '2026-11-21T06:00:10Z',
  clearedAt: null,
  lastValue: 21.5,
  rule: { name: '基坑位移', nameEn: 'Pit displacement', deviceType: 'PIT_MONITOR' },
  device: { location: { type: 'Point', coordinates: [114.05, 22.54] } },
  asset: { code: 'CS-440304-0001', kind: 'CONSTRUCTION_SITE', district: { code: '440304' } },
  ...over,
});

const event = (
  id: string,
  kind: AlertEventData['kind'],
  alert: AlertNode | null,
  over: Partial<AlertEventData> = {},
): AlertEventData => ({
  id,
  kind,
  severity: alert?.severity ?? 'YELLOW',
  previousSeverity: null,
  at: '2026-11-21T07:00:00Z',
  value: null,
  deviceType: 'PIT_MONITOR',
  location: { type: 'Point', coordinates: [114.1, 22.6] },
  alert,
  ...over,
});

const one = (list: readonly ActiveAlert[], id: string) => list.find((a) => a.id === id);

describe('active alerts from GraphQL', () => {
  it('takes position, asset, district and rule from the alert; asset kinds in lower case', () => {
    expect(toActiveAlert(node('A1'))).toEqual({
      id: 'A1',
      severity: 'YELLOW',
      deviceType: 'PIT_MONITOR',
      ruleName: '基坑位移',
      ruleNameEn: 'Pit displacement',
      position: [114.05, 22.54],
      assetCode: 'CS-440304-0001',
      assetKind: 'construction_site',
      districtCode: '440304',
      value: 21.5,
      startedAt: '2026-11-21T06:00:00Z',
      raisedAt: '2026-11-21T06:00:10Z',
      acknowledged: false,
    });
  });

  it('uses the event location without a device, and leaves out alerts with no position at all', () => {
    expect(toActiveAlert(node('A1', { device: null }), [114.1, 22.6])?.position).toEqual([114.1, 22.6]);
    expect(toActiveAlert(node('A1', { device: null }))).toBeNull();
    expect(toActiveAlerts([node('A1', { device: null }), node('A2')]).map((a) => a.id)).toEqual(['A2']);
  });

  it('sorts newest first by start time, whatever the precision of the timestamps', () => {
    const list = toActiveAlerts([
      node('A1', { startedAt: '2026-11-21T06:00:00Z' }),
      node('A2', { startedAt: '2026-11-21T06:00:00.500Z' }),
      node('A3', { startedAt: '2026-11-21T05:00:00Z' }),
    ]);
    expect(list.map((a) => a.id)).toEqual(['A2', 'A1', 'A3']);
  });
});

describe('applying live events', () => {
  const start = toActiveAlerts([node('A1'), node('A2', { startedAt: '2026-11-21T05:00:00Z' })]);

  it('FIRED adds the alert at its place, raised at the event time', () => {
    const fired = node('A3', { severity: 'RED', startedAt: '2026-11-21T06:59:00Z' });
    const list = applyEvent(start, event('e1', 'FIRED', fired, { value: 31 }));
    expect(list.map((a) => a.id)).toEqual(['A3', 'A1', 'A2']);
    expect(one(list, 'A3')).toMatchObject({ severity: 'RED', value: 31, raisedAt: '2026-11-21T07:00:00Z' });
  });

  it('FIRED twice (a replayed event after a refetch) keeps one copy', () => {
    const fired = node('A3', { startedAt: '2026-11-21T06:59:00Z' });
    const once = applyEvent(start, event('e1', 'FIRED', fired));
    expect(applyEvent(once, event('e1', 'FIRED', fired))).toHaveLength(3);
  });

  it('UPDATED and ESCALATED change severity and value; raisedAt moves only when the severity changes', () => {
    const up = applyEvent(start, event('e2', 'UPDATED', node('A1'), { severity: 'ORANGE', value: 26 }));
    expect(one(up, 'A1')).toMatchObject({ severity: 'ORANGE', value: 26, raisedAt: '2026-11-21T07:00:00Z' });
    const same = applyEvent(
      up,
      event('e3', 'ESCALATED', node('A1'), { severity: 'ORANGE', at: '2026-11-21T08:00:00Z' }),
    );
    expect(one(same, 'A1')).toMatchObject({
      severity: 'ORANGE',
      value: 26,
      raisedAt: '2026-11-21T07:00:00Z',
    });
    expect(one(same, 'A2')).toBe(one(start, 'A2'));
  });

  it('ACKNOWLEDGED flags the alert', () => {
    const list = applyEvent(start, event('e4', 'ACKNOWLEDGED', node('A2')));
    expect(one(list, 'A2')?.acknowledged).toBe(true);
    expect(one(list, 'A1')?.acknowledged).toBe(false);
  });

  it('CLEARED removes the alert; clearing an unknown alert changes nothing', () => {
    const list = applyEvent(start, event('e5', 'CLEARED', node('A1', { clearedAt: '2026-11-21T07:00:00Z' })));
    expect(list.map((a) => a.id)).toEqual(['A2']);
    expect(applyEvent(start, event('e6', 'CLEARED', node('A9')))).toBe(start);
  });

  it('a change to an alert the list missed adds it unless it has cleared since', () => {
    const list = applyEvent(start, event('e7', 'UPDATED', node('A4'), { severity: 'RED' }));
    expect(one(list, 'A4')?.severity).toBe('RED');
    const gone = node('A5', { clearedAt: '2026-11-21T07:01:00Z' });
    expect(applyEvent(start, event('e8', 'UPDATED', gone))).toBe(start);
  });

  it('an event without its alert (outside what the viewer may see) is ignored', () => {
    expect(applyEvent(start, event('e9', 'FIRED', null))).toBe(start);
  });
});

describe('the ticker', () => {
  const alerts = toActiveAlerts([
    node('A1', { raisedAt: '2026-11-21T06:00:10Z' }),
    node('A2', { raisedAt: '2026-11-21T05:00:10Z' }),
  ]);

  it('keeps the newest events first without repeats, at most 20', () => {
    let events: TickerItem[] = [];
    for (let i = 0; i < 25; i++) {
      const item = eventItem(event(`e${i}`, 'UPDATED', node(`A${i}`)));
      if (item) events = pushEvent(events, item);
    }
    expect(events).toHaveLength(20);
    expect(events[0]?.key).toBe('e24');
    const again = eventItem(event('e24', 'UPDATED', node('A24')))!;
    expect(pushEvent(events, again).filter((e) => e.key === 'e24')).toHaveLength(1);
    expect(eventItem(event('e99', 'FIRED', null))).toBeNull();
  });

  it('shows the newest line per alert, filled up with the active alerts, newest first', () => {
    const cleared = eventItem(event('e1', 'CLEARED', node('A1'), { at: '2026-11-21T07:00:00Z' }))!;
    const items = tickerItems([cleared], alerts);
    expect(items.map((i) => [i.alertId, i.kind])).toEqual([
      ['A1', 'CLEARED'],
      ['A2', 'FIRED'],
    ]);
    expect(tickerItems([], alerts).map((i) => i.key)).toEqual(['alert:A1', 'alert:A2']);
    expect(tickerItems([], alerts, 1)).toHaveLength(1);
  });
});
