import { describe, expect, it } from 'vitest';
import {
  type ExportedCredential,
  type MqttGrant,
  mosquittoAclFile,
  mosquittoPasswordFile,
  publishRefusal,
  readingsTopicDevice,
} from './mqtt-grants.ts';

const P = 'city/devices';
const FUTIAN_DUST = 'DV-440304-000011';
const NANSHAN_CRANE = 'DV-440305-000003';

const device: MqttGrant = { scope: 'device', devices: new Set([FUTIAN_DUST]), revoked: false };
const project: MqttGrant = {
  scope: 'project',
  devices: new Set(['DV-440305-000001', NANSHAN_CRANE]),
  revoked: false,
};
const gateway: MqttGrant = { scope: 'all_devices', devices: null, revoked: false };
const ingest: MqttGrant = { scope: 'ingest', devices: null, revoked: false };
const gone: MqttGrant = { scope: 'device', devices: new Set(), revoked: false };

describe('readings topics', () => {
  it.each([
    [`${P}/${FUTIAN_DUST}`, FUTIAN_DUST],
    [`${P}/${FUTIAN_DUST}/pm10`, FUTIAN_DUST],
    [P, null],
    [`${P}/`, null],
    [`${P}//pm10`, null],
    [`${P}/${FUTIAN_DUST}/`, null],
    [`${P}/${FUTIAN_DUST}/pm10/extra`, null],
    [`${P}/+`, null],
    [`${P}/#`, null],
    [`city/devicesX/${FUTIAN_DUST}`, null],
    [`other/${FUTIAN_DUST}`, null],
    [`$SYS/${P}/${FUTIAN_DUST}`, null],
  ])('%s names device %s', (topic, expected) => {
    expect(readingsTopicDevice(P, topic)).toBe(expected);
  });
});

describe('who may publish where', () => {
  // [grant, topic, allowed]
  const cases: [string, MqttGrant, string, boolean][] = [
    ['device: its own report', device, `${P}/${FUTIAN_DUST}`, true],
    ['device: its own metric', device, `${P}/${FUTIAN_DUST}/pm10`, true],
    ['device: a Nanshan crane', device, `${P}/${NANSHAN_CRANE}`, false],
    ['device: a Nanshan crane metric', device, `${P}/${NANSHAN_CRANE}/load_moment_ratio`, false],
    ['device: a code that starts like its own', device, `${P}/${FUTIAN_DUST}0`, false],
    ['device: outside the readings topics', device, `other/${FUTIAN_DUST}`, false],
    ['device: a deeper topic', device, `${P}/${FUTIAN_DUST}/pm10/x`, false],
    ['project: a device of the site', project, `${P}/${NANSHAN_CRANE}`, true],
    ['project: a device elsewhere', project, `${P}/${FUTIAN_DUST}/pm10`, false],
    ['gateway: any device', gateway, `${P}/${NANSHAN_CRANE}/load_moment_ratio`, true],
    ['gateway: outside the readings topics', gateway, 'city/commands/x', false],
    ['ingest: publishes nothing', ingest, `${P}/${FUTIAN_DUST}`, false],
    ['a device that is gone owns nothing', gone, `${P}/${FUTIAN_DUST}`, false],
    ['revoked', { ...device, revoked: true }, `${P}/${FUTIAN_DUST}`, false],
    ['revoked gateway', { ...gateway, revoked: true }, `${P}/${FUTIAN_DUST}`, false],
  ];
  it.each(cases)('%s', (_name, grant, topic, allowed) => {
    const why = publishRefusal(grant, P, topic);
    expect(why === null, why ?? 'allowed').toBe(allowed);
  });

  it('says why', () => {
    expect(publishRefusal(device, P, `${P}/${NANSHAN_CRANE}`)).toBe(
      `not one of its devices (${NANSHAN_CRANE})`,
    );
    expect(publishRefusal({ ...device, revoked: true }, P, `${P}/${FUTIAN_DUST}`)).toBe(
      'the credential is revoked',
    );
  });
});

describe('the files for Mosquitto', () => {
  const credentials: ExportedCredential[] = [
    {
      username: 'dv-440304-000011.abc',
      secretHash: '$7$101$AAAA$BBBB',
      scope: 'device',
      code: FUTIAN_DUST,
      devices: [FUTIAN_DUST],
    },
    {
      username: 'gd-440305-000001.xyz',
      secretHash: '$7$101$CCCC$DDDD',
      scope: 'project',
      code: 'GD-440305-000001',
      devices: ['DV-440305-000001', NANSHAN_CRANE],
    },
    { username: 'gateway.q', secretHash: '$7$101$E$F', scope: 'all_devices', code: null, devices: [] },
    { username: 'ingest.k', secretHash: '$7$101$G$H', scope: 'ingest', code: null, devices: [] },
    { username: 'gone.d', secretHash: '$7$101$I$J', scope: 'device', code: 'DV-440306-000001', devices: [] },
  ];

  it('password_file: user:hash per line', () => {
    expect(mosquittoPasswordFile(credentials).split('\n')).toEqual([
      'dv-440304-000011.abc:$7$101$AAAA$BBBB',
      'gd-440305-000001.xyz:$7$101$CCCC$DDDD',
      'gateway.q:$7$101$E$F',
      'ingest.k:$7$101$G$H',
      'gone.d:$7$101$I$J',
      '',
    ]);
    expect(mosquittoPasswordFile([])).toBe('');
  });

  it('acl_file: each user writes its devices’ topics, the ingest reads them all', () => {
    const acl = mosquittoAclFile(credentials, P);
    const blocks = acl
      .split('\n\n')
      .slice(1)
      .map((b) => b.split('\n').filter((l) => l && !l.startsWith('#')));
    expect(blocks).toEqual([
      ['user dv-440304-000011.abc', `topic write ${P}/${FUTIAN_DUST}`, `topic write ${P}/${FUTIAN_DUST}/+`],
      [
        'user gd-440305-000001.xyz',
        `topic write ${P}/DV-440305-000001`,
        `topic write ${P}/DV-440305-000001/+`,
        `topic write ${P}/${NANSHAN_CRANE}`,
        `topic write ${P}/${NANSHAN_CRANE}/+`,
      ],
      ['user gateway.q', `topic write ${P}/+`, `topic write ${P}/+/+`],
      ['user ingest.k', `topic read ${P}/#`],
      ['user gone.d'],
    ]);
    // Nothing is granted outside a user block (lines before the first `user` would apply to anonymous).
    const beforeFirstUser = acl.slice(0, acl.indexOf('\nuser '));
    expect(beforeFirstUser.split('\n').filter((l) => l && !l.startsWith('#'))).toEqual([]);
    expect(acl).not.toMatch(/^pattern /m);
  });
});
