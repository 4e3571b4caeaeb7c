import type { TRedemptionRecord, TRewardRecord } from '../../../db/queries/rewards';
import type { TRedemption, TReward } from '../../../shared/contracts/points';
import { rewardOpen } from '../../../shared/domain/points';

export const toReward = (r: TRewardRecord, now: Date): TReward => ({
  id: r.id,
  villageId: r.villageId,
  name: r.name,
  pictureUrl: r.pictureUrl,
  price: r.price,
  stock: r.stock,
  perPersonLimit: r.perPersonLimit,
  startsAt: r.startsAt?.toISOString() ?? null,
  endsAt: r.endsAt?.toISOString() ?? null,
  active: r.active,
  open: rewardOpen(r, now) && r.stock > 0,
});

export const toRedemption = (r: TRedemptionRecord): TRedemption => ({
  id: r.id,
  reward: { id: r.rewardId, name: r.rewardName },
  person: { id: r.personId, name: r.personName },
  points: r.points,
  pickupCode: r.pickupCode,
  state: r.state,
  expiresAt: r.expiresAt.toISOString(),
  createdAt: r.createdAt.toISOString(),
  closedAt: r.closedAt?.toISOString() ?? null,
});
