import { AppError } from '../../../shared/errors';

export type TRewardInput = {
  name: string;
  pictureUrl?: string | null;
  price: number;
  stock: number;
  perPersonLimit?: number | null;
  startsAt?: string | null;
  endsAt?: string | null;
  active?: boolean;
};

/** The active window, checked: it must end after it starts. */
export function rewardWindow(startsAt?: string | null, endsAt?: string | null) {
  const s = startsAt ? new Date(startsAt) : null;
  const e = endsAt ? new Date(endsAt) : null;
  if (s && e && e <= s) throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'body.endsAt', message: '结束时间须晚于开始时间' }] });
  return { startsAt: s, endsAt: e };
}
