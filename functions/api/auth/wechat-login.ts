import { wechatLogin as contract } from '../../../shared/contracts/auth';
import { defineRoute } from '../../_lib/route';
import { wechatLogin } from '../../services/auth/wechat-login';

// not replayed by Idempotency-Key: the answer holds a session token, which is never stored in clear
export default defineRoute(contract, {
  access: 'public',
  idempotent: false,
  limit: 'sign-in',
  handle: (ctx, { body }) => wechatLogin(ctx, body.code, body.consentVersion),
});
