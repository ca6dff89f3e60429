// MQTT client settings the broker tests share: a fresh client id under the file's run tag, no reconnecting
// (a refused or dropped client stays so, for the test to see), and the credential when one is given.
import type { IClientOptions } from 'mqtt';

export function testClientOptions(run: string, username?: string, password?: string): IClientOptions {
  return {
    clientId: `t-${run}-${Math.random().toString(36).slice(2, 8)}`,
    reconnectPeriod: 0,
    connectTimeout: 5000,
    ...(username !== undefined && { username }),
    ...(password !== undefined && { password }),
  };
}
