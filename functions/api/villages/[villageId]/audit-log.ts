import { listVillageAuditLog as contract } from '../../../../shared/contracts/audit';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { listAuditLog } from '../../../services/audit/list-audit-log';

export default defineRoute(contract, {
  access: { action: 'village.staffInfo', on: { kind: 'village', param: 'villageId' } },
  handle: (ctx, { params, query }) => listAuditLog(signedIn(ctx), { villageId: params.villageId }, query),
});
