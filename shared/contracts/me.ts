import * as z from 'zod';
import { defineContract } from './define';
import { ZNamed, ZPersonFlags, ZRole, ZScopeType } from './common';
import { ZConsentState, ZDeletionRequest } from './privacy';

export const ZRoleGrant = z.object({
  role: ZRole,
  roleLabel: z.string(),
  scopeType: ZScopeType,
  scopeId: z.string(),
  scopeName: z.string(),
});
export type TRoleGrant = z.infer<typeof ZRoleGrant>;

export const ZMe = z.object({
  person: z.object({ id: z.string(), name: z.string(), phone: z.string().nullable(), flags: ZPersonFlags }),
  household: z.object({ id: z.string(), label: z.string() }).nullable(),
  courtyard: ZNamed.nullable(),
  village: ZNamed.nullable(),
  township: ZNamed.nullable(),
  roles: z.array(ZRoleGrant),
  /** 用户协议/隐私政策: agreed to the version in force? (else the app asks again) */
  consent: ZConsentState,
  /** 申请注销 waiting for a cadre, if any */
  deletionRequest: ZDeletionRequest.nullable(),
});
export type TMe = z.infer<typeof ZMe>;

export const getMe = defineContract({
  method: 'GET',
  path: '/api/me',
  summary: '当前用户：人员、户、院落、村、角色与范围',
  tag: 'auth',
  response: ZMe,
});

export const listTownshipVillages = defineContract({
  method: 'GET',
  path: '/api/townships/{townshipId}/villages',
  summary: '镇街下的村（镇街管理员选择村时使用）',
  tag: 'auth',
  params: z.object({ townshipId: z.uuid() }),
  response: z.object({ items: z.array(ZNamed) }),
});

export const listVillageCourtyards = defineContract({
  method: 'GET',
  path: '/api/villages/{villageId}/courtyards',
  summary: '村里的院落（村干部、镇街管理员选择院落时使用）',
  tag: 'auth',
  params: z.object({ villageId: z.uuid() }),
  response: z.object({ items: z.array(ZNamed) }),
});
