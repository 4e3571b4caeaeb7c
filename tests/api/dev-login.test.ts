import { parseEnv, setEnv } from '../../functions/runtime/env';
import { testEnv, useTestDb } from '../helpers/db';
import { useApi } from '../helpers/api';
import { productionEnv } from '../helpers/prod-env';

useTestDb();
const api = useApi();

describe('development sign-in', () => {
  it('lists demo people of every role and signs in as one of them', async () => {
    const r = await api.call('GET', '/api/auth/dev-people');
    expect(r.status).toBe(200);
    const roles = new Set(r.body.people.map((p: { role: string }) => p.role));
    expect([...roles].sort()).toEqual(['cleaner', 'courtyard_head', 'shopkeeper', 'township_staff', 'village_cadre', 'villager']);
    const head = r.body.people.find((p: { role: string }) => p.role === 'courtyard_head');
    const s = await api.call('POST', '/api/auth/dev-login', { body: { personId: head.id } });
    const me = await api.call('GET', '/api/me', { token: s.body.token });
    expect(me.body.roles.map((g: { role: string }) => g.role)).toContain('courtyard_head');
  });

  it('signs in as a brand-new person with no roles', async () => {
    const s = await api.call('POST', '/api/auth/dev-login', { body: { newPerson: true } });
    const me = await api.call('GET', '/api/me', { token: s.body.token });
    expect(me.body).toMatchObject({ roles: [], courtyard: null, household: null });
  });

  it('does not exist when ALLOW_DEV_LOGIN is off', async () => {
    setEnv(testEnv({ ALLOW_DEV_LOGIN: '0' }));
    try {
      expect((await api.call('GET', '/api/auth/dev-people')).body.error.code).toBe('DEV_LOGIN_DISABLED');
      const r = await api.call('POST', '/api/auth/dev-login', { body: { newPerson: true } });
      expect(r.status).toBe(404);
    } finally {
      setEnv(testEnv());
    }
  });

  it('cannot be enabled in production: the environment is refused at start', () => {
    const prod = productionEnv();
    expect(() => parseEnv({ ...prod, ALLOW_DEV_LOGIN: '1' })).toThrow(/ALLOW_DEV_LOGIN/);
    expect(parseEnv(prod).ALLOW_DEV_LOGIN).toBe(false);
  });
});
