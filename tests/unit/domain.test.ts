import { canAct, grantCovers, type TGrant } from '../../shared/domain/access';
import { INVITE_CODE_LENGTH, inviteExpiry, makeInviteCode, parseInviteInput } from '../../shared/domain/invite-code';
import { ZInviteCode } from '../../shared/contracts/join';
import { effectiveJoinState, inviteUsable, isJoinRequestStale } from '../../shared/domain/join-policy';
import { isSceneSafe, makeSceneCode, SCENE_ALPHABET } from '../../shared/domain/scene-code';
import { seededRandom } from '../../db/seed/random';
import { reasonLabel } from '../../shared/domain/points-events';

const path = { townshipId: 't1', villageId: 'v1', courtyardId: 'c1' };

describe('scene codes (场景码)', () => {
  it('draws only from the look-alike-free alphabet and fits a WeChat scene', () => {
    const rand = seededRandom(1);
    const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));
    for (let i = 0; i < 500; i++) {
      const code = makeSceneCode(12, bytes);
      expect(code).toHaveLength(12);
      expect(isSceneSafe(code)).toBe(true);
      expect(code).not.toMatch(/[01OIL]/);
    }
  });

  it('spreads symbols evenly (no modulo bias)', () => {
    const rand = seededRandom(7);
    const counts = new Map<string, number>();
    const code = makeSceneCode(31_000, (n) => Uint8Array.from({ length: n }, () => Math.floor(rand() * 256)));
    for (const c of code) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(SCENE_ALPHABET.length);
    for (const n of counts.values()) expect(Math.abs(n - 1000)).toBeLessThan(150);
  });

  it('refuses codes that are too long or carry other symbols', () => {
    expect(isSceneSafe('A'.repeat(33))).toBe(false);
    expect(isSceneSafe('AB0')).toBe(false);
    expect(isSceneSafe('')).toBe(false);
  });
});

describe('invite codes (邀请码)', () => {
  it('accepts what people type or scan: lower case, spaces, dashes, the j= scene', () => {
    expect(parseInviteInput(' abcde-fghjk ')).toBe('ABCDEFGHJK');
    expect(parseInviteInput('j=ABCDEFGHJK')).toBe('ABCDEFGHJK');
    expect(ZInviteCode.parse('abcd efgh jk')).toBe('ABCDEFGHJK');
    expect(parseInviteInput('J=abcdefghjk')).toBe('ABCDEFGHJK');
    expect(parseInviteInput('pkg-courtyard/join/index?scene=j%3DABCDEFGHJK')).toBe('ABCDEFGHJK');
    expect(parseInviteInput('https://x.example/join?code=abcde-fghjk')).toBe('ABCDEFGHJK');
    expect(parseInviteInput(undefined)).toBe('');
  });

  it('rejects wrong length and look-alike characters with a Chinese message', () => {
    expect(ZInviteCode.safeParse('ABC').error?.issues[0].message).toBe('邀请码为10位');
    expect(ZInviteCode.safeParse('ABCDEFGHJ0').success).toBe(false);
  });

  it('makes 10-symbol codes that fit the j= scene within 32 characters', () => {
    const code = makeInviteCode((n) => new Uint8Array(n).fill(5));
    expect(code).toHaveLength(INVITE_CODE_LENGTH);
    expect(`j=${code}`.length).toBeLessThanOrEqual(32);
  });

  it('expires after the given days and is unusable once revoked', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const expiresAt = inviteExpiry(now, 2);
    expect(expiresAt.toISOString()).toBe('2026-01-03T00:00:00.000Z');
    expect(inviteUsable({ expiresAt, revokedAt: null }, now)).toBe('ok');
    expect(inviteUsable({ expiresAt, revokedAt: null }, expiresAt)).toBe('expired');
    expect(inviteUsable({ expiresAt, revokedAt: now }, now)).toBe('revoked');
  });
});

describe('join requests (入院申请)', () => {
  it('reads a pending request older than 30 days as expired', () => {
    const created = new Date('2026-01-01T00:00:00Z');
    expect(isJoinRequestStale(created, new Date('2026-01-30T00:00:00Z'))).toBe(false);
    expect(effectiveJoinState('pending', created, new Date('2026-02-01T00:00:00Z'))).toBe('expired');
    expect(effectiveJoinState('approved', created, new Date('2027-01-01T00:00:00Z'))).toBe('approved');
  });
});

describe('scope checks (权限范围)', () => {
  const g = (role: TGrant['role'], scopeType: TGrant['scopeType'], scopeId: string): TGrant => ({ role, scopeType, scopeId });

  it('lets a grant reach down its own branch only', () => {
    expect(grantCovers(g('township_staff', 'township', 't1'), path)).toBe(true);
    expect(grantCovers(g('village_cadre', 'village', 'v1'), path)).toBe(true);
    expect(grantCovers(g('village_cadre', 'village', 'v2'), path)).toBe(false);
    expect(grantCovers(g('courtyard_head', 'courtyard', 'c1'), path)).toBe(true);
    expect(grantCovers(g('courtyard_head', 'courtyard', 'c1'), { ...path, courtyardId: null })).toBe(false);
  });

  it('needs both the role and the scope', () => {
    const grants = [g('villager', 'courtyard', 'c1'), g('village_cadre', 'village', 'v9')];
    expect(canAct(grants, ['courtyard_head'], path)).toBe(false);
    expect(canAct(grants, ['village_cadre'], path)).toBe(false);
    expect(canAct(grants, ['village_cadre'])).toBe(true);
    expect(canAct(grants, ['villager'], path)).toBe(true);
  });
});

describe('积分明细 reasons', () => {
  it("names the requester's points for a confirmed 找院长 after the request, not after 议事", () => {
    expect(reasonLabel('rule:request_participation')).toBe('找院长：反映问题并确认');
    expect(reasonLabel('rule:request_confirmed')).toBe('找院长事项办结');
  });
});
