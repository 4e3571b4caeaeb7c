import { listRequestMessages, postRequestMessage } from '../../../../shared/contracts/requests';
import { defineRoute, defineRoutes } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { listRequestMessagesOf } from '../../../services/requests/list-request-messages';
import { postRequestMessage as post } from '../../../services/requests/post-request-message';

export default defineRoutes(
  defineRoute(listRequestMessages, {
    access: { action: 'request.view', on: { kind: 'request', param: 'id' } },
    handle: (ctx, { params }) => listRequestMessagesOf(signedIn(ctx), params.id),
  }),
  defineRoute(postRequestMessage, {
    access: { action: 'request.message', on: { kind: 'request', param: 'id' } },
    handle: (ctx, { params, body }) => post(signedIn(ctx), params.id, body.body, body.photoIds),
  }),
);
