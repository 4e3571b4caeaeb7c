import type { TRole } from '../../../shared/domain/roles'

/**
 * 工作台: which homes a person has on 首页, and which one shows. Pure (no Taro): the page keeps
 * the remembered choice in storage (lib/home-storage.ts), tests/unit/home-choice.test.ts holds it.
 */
export const HOME_KINDS = ['township', 'cadre', 'head', 'cleaner', 'clerk', 'villager'] as const
export type THomeKind = (typeof HOME_KINDS)[number]

/** The switch's words: short, one per home. */
export const HOME_LABELS: Record<THomeKind, string> = {
  township: '镇街',
  cadre: '村干部',
  head: '院长',
  cleaner: '保洁',
  clerk: '店员',
  villager: '村民',
}

/** The role a work home serves (the greeting names it and its places). */
export const HOME_ROLE: Record<THomeKind, TRole> = {
  township: 'township_staff',
  cadre: 'village_cadre',
  head: 'courtyard_head',
  cleaner: 'cleaner',
  clerk: 'shopkeeper',
  villager: 'villager',
}

/**
 * The person's homes, the work ones first (镇街, 村干部, 院长, 保洁, 店员), 村民 last. Someone
 * with a villager grant, or with no role at all (a newcomer who has still to join a courtyard),
 * has the villager home; staff-only people do not, so they never meet 加入院落.
 */
export function homesOf(roles: readonly TRole[]): THomeKind[] {
  const held = HOME_KINDS.filter((k) => roles.includes(HOME_ROLE[k]))
  return held.length ? held : ['villager']
}

/** The home to show: the remembered one while the person still has it, else the first (a work home when there is one). */
export function chooseHome(homes: readonly THomeKind[], remembered: string | null | undefined): THomeKind {
  const kept = homes.find((h) => h === remembered)
  return kept ?? homes[0] ?? 'villager'
}
