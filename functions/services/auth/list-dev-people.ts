import { listPeopleByRole } from '../../../db/queries/roles';
import type { TDevPerson } from '../../../shared/contracts/auth';
import { roleLabel } from '../../../shared/domain/roles';
import type { TServiceContext } from '../context';
import { assertDevLoginEnabled } from './dev-login-enabled';

/** 演示登录: a few demo people per role, for local use only. */
export async function listDevPeople(ctx: TServiceContext): Promise<{ people: TDevPerson[] }> {
  assertDevLoginEnabled(ctx);
  const perRole = { township_staff: 1, village_cadre: 2, courtyard_head: 4, cleaner: 2, shopkeeper: 1, villager: 6 } as const;
  const people: TDevPerson[] = [];
  for (const role of ['courtyard_head', 'village_cadre', 'cleaner', 'shopkeeper', 'township_staff', 'villager'] as const) {
    for (const p of await listPeopleByRole(ctx.db, role, perRole[role] + 4)) {
      // a person is listed once, under their most senior role
      if (people.some((q) => q.id === p.id) || people.filter((q) => q.role === role).length >= perRole[role]) continue;
      people.push({ id: p.id, name: p.name, role, roleLabel: roleLabel(role), scopeName: p.scopeName ?? '' });
    }
  }
  return { people };
}
