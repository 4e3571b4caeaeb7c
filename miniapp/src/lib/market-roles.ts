import { headedCourtyards, isCadre, type TMe } from '../api/me'

/** 院长 and 村干部 review listings and jobs before they are public (待审核). */
export function reviewsMarket(me: TMe): boolean {
  return headedCourtyards(me).length > 0 || isCadre(me)
}
