import { listTownshipAuditLog as contract } from '../../../../shared/contracts/audit';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { listAuditLog } from '../../../services/audit/list-audit-log';

export default defineRoute(contract, {
  access: { action: 'township.staffInfo', on: { kind: 'township', param: 'townshipId' } },
  handle: (ctx, { params, query }) => listAuditLog(signedIn(ctx), { townshipId: params.townshipId }, query),
});
