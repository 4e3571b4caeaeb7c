/**
 * 信息采集: the household registry of a place — list and search people with their household,
 * courtyard, village and flags; edit a person's registry fields or a household's label (each
 * change with its 操作日志 line); export the list as the 信息采集表 (shared/domain/registry-sheet.ts).
 */
import * as z from 'zod';
import { defineContract } from './define';
import { ZNamed, ZPersonName, ZPhone } from './common';

const ZFlagFilter = z.enum(['true', 'false']).optional();

/** The filters every list and export of a place takes. */
const ZRegistryFilters = z.object({
  /** a name, phone digits or household label, matched anywhere in it */
  q: z.string().trim().max(40).optional(),
  elderly: ZFlagFilter,
  livesAlone: ZFlagFilter,
  needsCare: ZFlagFilter,
  isPartyMember: ZFlagFilter,
  absentForWork: ZFlagFilter,
  courtyardId: z.uuid().optional(),
  /** only for a township's list */
  villageId: z.uuid().optional(),
});
export type TRegistryFilters = z.output<typeof ZRegistryFilters>;

const ZListQuery = ZRegistryFilters.extend({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const ZExportQuery = ZRegistryFilters.extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

export const ZRegistryPerson = z.object({
  id: z.string(),
  name: z.string(),
  relation: z.string().nullable(),
  /** whole: those keeping the registry phone and correct it (phone-privacy `registry`) */
  phone: z.string().nullable(),
  household: z.object({ id: z.string(), label: z.string() }),
  courtyard: ZNamed,
  village: ZNamed,
  elderly: z.boolean(),
  livesAlone: z.boolean(),
  needsCare: z.boolean(),
  isPartyMember: z.boolean(),
  absentForWork: z.boolean(),
});
export type TRegistryPerson = z.infer<typeof ZRegistryPerson>;

const ZPage = z.object({ items: z.array(ZRegistryPerson), nextCursor: z.string().nullable() });
/** The file as the adapter sends it (raw bytes, Content-Disposition with its Chinese name). */
const ZFile = z.object({ filename: z.string(), contentType: z.string(), base64: z.string() });

const list = <const P extends string, Pa extends z.ZodObject>(path: P, params: Pa, who: string) =>
  defineContract({ method: 'GET', path, summary: `信息采集：${who}的人员（搜索、筛选、分页）`, tag: 'registry', params, query: ZListQuery, response: ZPage });
const exportOf = <const P extends string, Pa extends z.ZodObject>(path: P, params: Pa, who: string) =>
  defineContract({ method: 'GET', path, summary: `导出${who}的信息采集表（xlsx 或 csv）`, tag: 'registry', params, query: ZExportQuery, response: ZFile });

const village = z.object({ villageId: z.uuid() });
const township = z.object({ townshipId: z.uuid() });
const courtyard = z.object({ courtyardId: z.uuid() });

export const listVillageRegistry = list('/api/villages/{villageId}/registry/people', village, '本村');
export const listTownshipRegistry = list('/api/townships/{townshipId}/registry/people', township, '本镇街');
export const listCourtyardRegistry = list('/api/courtyards/{courtyardId}/registry/people', courtyard, '本院落');
export const exportVillageRegistry = exportOf('/api/villages/{villageId}/registry/export', village, '本村');
export const exportTownshipRegistry = exportOf('/api/townships/{townshipId}/registry/export', township, '本镇街');
export const exportCourtyardRegistry = exportOf('/api/courtyards/{courtyardId}/registry/export', courtyard, '本院落');

const ZLabel = z.string().trim().min(1).max(40);

export const updateRegistryPerson = defineContract({
  method: 'PATCH',
  path: '/api/people/{personId}/registry',
  summary: '修改人员的信息采集字段（姓名、关系、手机号、标记、所在户），写入操作日志',
  tag: 'registry',
  params: z.object({ personId: z.uuid() }),
  body: z
    .object({
      name: ZPersonName.optional(),
      relation: z.string().trim().max(10).nullable().optional(),
      /** 11 digits, or null to clear */
      phone: ZPhone.nullable().optional(),
      /** move to this 院落 + 户号 in the same village (the household is created when new) */
      household: z.object({ courtyardId: z.uuid(), label: ZLabel }).optional(),
      elderly: z.boolean().optional(),
      livesAlone: z.boolean().optional(),
      needsCare: z.boolean().optional(),
      isPartyMember: z.boolean().optional(),
      absentForWork: z.boolean().optional(),
    })
    .strict(),
  response: ZRegistryPerson,
});

export const renameHousehold = defineContract({
  method: 'PATCH',
  path: '/api/households/{householdId}',
  summary: '修改户号（门牌号或户名），写入操作日志',
  tag: 'registry',
  params: z.object({ householdId: z.uuid() }),
  body: z.object({ label: ZLabel }).strict(),
  response: z.object({ id: z.string(), label: z.string(), courtyardId: z.string() }),
});

export const ZRegistryHousehold = z.object({
  id: z.string(),
  label: z.string(),
  courtyard: ZNamed,
  village: ZNamed,
  members: z.array(
    z.object({ id: z.string(), name: z.string(), relation: z.string().nullable(), elderly: z.boolean(), livesAlone: z.boolean(), needsCare: z.boolean() }),
  ),
});
export type TRegistryHousehold = z.infer<typeof ZRegistryHousehold>;

const ZHouseholdQuery = z.object({
  /** a 户号 or a member's name, matched anywhere in it */
  q: z.string().trim().max(40).optional(),
  courtyardId: z.uuid().optional(),
  /** only for a township's list */
  villageId: z.uuid().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type THouseholdQuery = z.output<typeof ZHouseholdQuery>;

const households = <const P extends string, Pa extends z.ZodObject>(path: P, params: Pa, who: string) =>
  defineContract({
    method: 'GET',
    path,
    summary: `信息采集：${who}的户（按户号或成员姓名搜索，含成员）`,
    tag: 'registry',
    params,
    query: ZHouseholdQuery,
    response: z.object({ items: z.array(ZRegistryHousehold), nextCursor: z.string().nullable() }),
  });

export const listVillageHouseholds = households('/api/villages/{villageId}/registry/households', village, '本村');
export const listTownshipHouseholds = households('/api/townships/{townshipId}/registry/households', township, '本镇街');
export const listCourtyardHouseholds = households('/api/courtyards/{courtyardId}/registry/households', courtyard, '本院落');
