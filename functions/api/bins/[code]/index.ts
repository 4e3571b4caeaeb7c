import { getBin as contract } from '../../../../shared/contracts/bins';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { getBin } from '../../../services/bins/get-bin';

export default defineRoute(contract, { auth: 'signed-in', handle: (ctx, { params }) => getBin(signedIn(ctx), params.code) });
