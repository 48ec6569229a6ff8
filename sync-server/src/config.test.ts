import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to loopback, port 8787, ./data and ./dist', () => {
    expect(loadConfig({}, '/srv/carnet')).toEqual({
      port: 8787,
      host: '127.0.0.1',
      dataDir: '/srv/carnet/data',
      staticDir: '/srv/carnet/dist',
      rateLimitScale: 1,
      iceServers: [],
      trustedProxies: [],
      storageQuotaBytes: 512 * 1024 * 1024,
    });
  });

  it('reads the environment', () => {
    const config = loadConfig(
      { PORT: '8790', HOST: '0.0.0.0', DATA_DIR: '/var/lib/carnet', STATIC_DIR: 'build' },
      '/srv/carnet',
    );
    expect(config).toEqual({
      port: 8790,
      host: '0.0.0.0',
      dataDir: '/var/lib/carnet',
      staticDir: '/srv/carnet/build',
      rateLimitScale: 1,
      iceServers: [],
      trustedProxies: [],
      storageQuotaBytes: 512 * 1024 * 1024,
    });
  });

  it('reads the database URL and the server secret when set', () => {
    const secret = 's'.repeat(32);
    const config = loadConfig({ DATABASE_URL: 'postgres://db/carnet', SERVER_SECRET: secret }, '/srv');
    expect(config.databaseUrl).toBe('postgres://db/carnet');
    expect(config.serverSecret).toBe(secret);
    expect(() => loadConfig({ SERVER_SECRET: 'short' })).toThrow(/SERVER_SECRET/);
    expect(loadConfig({ RATE_LIMIT_SCALE: '50' }).rateLimitScale).toBe(50);
    expect(() => loadConfig({ RATE_LIMIT_SCALE: '0' })).toThrow(/RATE_LIMIT_SCALE/);
  });

  it('reads ICE servers as a JSON array and refuses anything else', () => {
    const turn = { urls: ['turn:turn.example.org:3478'], username: 'u', credential: 'p' };
    const json = JSON.stringify([{ urls: 'stun:stun.example.org:3478' }, turn]);
    expect(loadConfig({ ICE_SERVERS: json }).iceServers).toEqual([
      { urls: 'stun:stun.example.org:3478' },
      turn,
    ]);
    for (const bad of ['not json', '{"urls":"stun:x"}', '[{"url":"stun:x"}]', '[{"urls":[]}]']) {
      expect(() => loadConfig({ ICE_SERVERS: bad })).toThrow(/ICE_SERVERS/);
    }
  });

  it('names the setting that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
  });

  it('takes a mailto: or https: VAPID subject and refuses anything else', () => {
    expect(loadConfig({ VAPID_SUBJECT: 'mailto:ops@carnet.example' }).vapidSubject).toBe(
      'mailto:ops@carnet.example',
    );
    expect(loadConfig({ VAPID_SUBJECT: 'https://carnet.example/contact' }).vapidSubject).toBe(
      'https://carnet.example/contact',
    );
    for (const bad of ['ops@carnet.example', 'http://carnet.example', 'mailto:', 'javascript:alert(1)']) {
      expect(() => loadConfig({ VAPID_SUBJECT: bad }), bad).toThrow(/VAPID_SUBJECT/);
    }
  });
});
