import type { TContract } from './define';
import * as health from './health';
import * as auth from './auth';
import * as me from './me';
import * as join from './join';
import * as notifications from './notifications';
import * as points from './points';
import * as bins from './bins';
import * as media from './media';
import * as requests from './requests';
import * as sos from './sos';
import * as testClock from './test-clock';
import * as market from './market';
import * as jobs from './jobs';
import * as wechatPush from './wechat-push';
import * as privacy from './privacy';
import * as officeRequests from './office-requests';
import * as adminLogin from './admin-login';
import * as audit from './audit';
import * as overview from './overview';
import * as registry from './registry';
import * as registryImport from './registry-import';

export * from './define';

/** Every contract module by file name (the client's endpoint table is generated from these). */
export const contractModules = {
  health,
  auth,
  me,
  join,
  notifications,
  points,
  bins,
  media,
  requests,
  sos,
  'test-clock': testClock,
  market,
  jobs,
  'wechat-push': wechatPush,
  privacy,
  'office-requests': officeRequests,
  'admin-login': adminLogin,
  audit,
  overview,
  registry,
  'registry-import': registryImport,
};

export const isContract = (v: unknown): v is TContract => typeof v === 'object' && v !== null && 'method' in v && 'response' in v;

/** Every endpoint, for the OpenAPI document and the route coverage test. */
export const allContracts: TContract[] = Object.values(contractModules).flatMap((m) => Object.values(m).filter(isContract));
