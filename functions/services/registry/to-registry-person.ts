import type { TRegistryRecord } from '../../../db/queries/registry';
import type { TRegistryPerson } from '../../../shared/contracts/registry';
import type { TRegistryRow } from '../../../shared/domain/registry-sheet';
import { phoneForViewer } from '../../../shared/domain/phone-privacy';

/** A registry row as the API answers it: the phone whole, for those keeping the registry (phone-privacy `registry`). */
export function toRegistryPerson(r: TRegistryRecord): TRegistryPerson {
  return {
    id: r.id,
    name: r.name,
    relation: r.relation,
    phone: phoneForViewer(r.phone, 'registry'),
    household: { id: r.householdId, label: r.householdLabel },
    courtyard: { id: r.courtyardId, name: r.courtyardName },
    village: { id: r.villageId, name: r.villageName },
    elderly: r.elderly,
    livesAlone: r.livesAlone,
    needsCare: r.needsCare,
    isPartyMember: r.isPartyMember,
    absentForWork: r.absentForWork,
  };
}

/** A listed person as a 信息采集表 row (人员编号 filled: the exported file re-imports unchanged). */
export function toRegistryRow(p: TRegistryPerson): TRegistryRow {
  return {
    personId: p.id,
    courtyard: p.courtyard.name,
    household: p.household.label,
    name: p.name,
    relation: p.relation,
    phone: p.phone,
    elderly: p.elderly,
    livesAlone: p.livesAlone,
    needsCare: p.needsCare,
    isPartyMember: p.isPartyMember,
    absentForWork: p.absentForWork,
  };
}
