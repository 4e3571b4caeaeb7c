import { cleanBinReport as contract } from '../../../../shared/contracts/bins';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { closeBinReport } from '../../../services/bins/close-bin-report';

export default defineRoute(contract, {
  access: { action: 'binReport.close', on: { kind: 'binReport', param: 'id' } },
  handle: (ctx, { params, body }) => closeBinReport(signedIn(ctx), params.id, body.code, 'cleaned', body.photoId),
});
