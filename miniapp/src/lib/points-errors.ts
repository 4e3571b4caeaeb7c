import type { TErrorCode } from '../../../shared/errors'

/**
 * What to do next, for the codes the points pages meet. The server's message says what went
 * wrong (积分不足); the hint says what the person can do about it.
 */
export const POINTS_HINTS: Partial<Record<TErrorCode, string>> = {
  INSUFFICIENT_POINTS: '您现在的积分不够换这件商品。参加院落活动、扫码报满都能攒积分，攒够了再来换。',
  OUT_OF_STOCK: '这件商品刚被换完了。可以换别的商品，或等村里补货后再来。',
  REWARD_CLOSED: '这件商品暂时不能兑换（已下架或不在兑换时间内），请换别的商品。',
  REDEEM_LIMIT_REACHED: '这件商品每人能换的数量有限，您已经换够了，可以换别的商品。',
  REDEMPTION_NOT_OPEN: '这份兑换已经领取、取消或过期了。页面已刷新，请看最新状态。',
  PICKUP_CODE_NOT_FOUND: '请核对取货码（8位字母和数字），或请村民在「我的兑换」里打开取货码再扫一次。',
  NOT_IN_VILLAGE: '加入院落、院长审核通过后才能攒积分和兑换。',
  NOT_FOUND: '没有找到，可能已经被删除或不属于您所在的村。',
  FORBIDDEN: '您没有这个权限。如有疑问请联系村委会。',
  VALIDATION_FAILED: '请按提示修改后再提交。',
}
