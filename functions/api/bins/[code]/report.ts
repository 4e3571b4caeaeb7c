import { reportBin as contract } from '../../../../shared/contracts/bins';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { reportBin } from '../../../services/bins/report-bin';

export default defineRoute(contract, {
  access: { action: 'bin.report', on: { kind: 'bin', param: 'code' } },
  handle: (ctx, { params, body }) => reportBin(signedIn(ctx), params.code, body.kind, body.photoId),
  statusOf: (r) => (r.joined ? 200 : 201),
});
