import * as z from 'zod';
import { defineContract } from './define';
import { REGISTRY_COLUMNS } from '../domain/registry-sheet';

/** Rows a chunk may carry: ~2,000 rows of 11 cells stay well under the host's 1 MB body limit. */
export const REGISTRY_CHUNK_MAX_ROWS = 2000;
/** Rows a file may have (5,000 households of 3–4 people with room to spare). */
export const REGISTRY_IMPORT_MAX_ROWS = 30_000;

const ZVillageParams = z.object({ villageId: z.uuid() });
const ZImportParams = z.object({ villageId: z.uuid(), importId: z.uuid() });

export const ZSheetIssue = z.object({ line: z.number().int(), column: z.string().nullable(), message: z.string() });

export const downloadRegistryTemplate = defineContract({
  method: 'GET',
  path: '/api/villages/{villageId}/registry/template',
  summary: '信息采集表导入模板（XLSX：表头、示例行、填写说明）',
  tag: 'registry',
  params: ZVillageParams,
  response: z.object({ fileName: z.string(), base64: z.string() }),
});

export const startRegistryImport = defineContract({
  method: 'POST',
  path: '/api/villages/{villageId}/registry/imports',
  summary: '开始导入信息采集表（之后分批上传行、预览、确认）',
  tag: 'registry',
  status: 201,
  params: ZVillageParams,
  body: z.object({ fileName: z.string().trim().min(1).max(200) }),
  response: z.object({ id: z.string() }),
});

export const uploadRegistryRows = defineContract({
  method: 'POST',
  path: '/api/villages/{villageId}/registry/imports/{importId}/rows',
  summary: '上传一批行（行号为表格中显示的行号），返回这批行的问题',
  tag: 'registry',
  params: ZImportParams,
  body: z.object({
    rows: z
      .array(
        z.object({
          line: z.number().int().min(2).max(1_048_576),
          cells: z.array(z.string().max(200)).length(REGISTRY_COLUMNS.length),
        }),
      )
      .min(1)
      .max(REGISTRY_CHUNK_MAX_ROWS),
  }),
  response: z.object({ received: z.number().int(), issues: z.array(ZSheetIssue) }),
});

const ZChange = z.object({ column: z.string(), before: z.string(), after: z.string() });

export const ZRegistryPreview = z.object({
  rows: z.number().int(),
  /** every problem, by line (at most 500 listed; issueCount has them all) */
  issues: z.array(ZSheetIssue),
  issueCount: z.number().int(),
  counts: z.object({ newHouseholds: z.number().int(), newPeople: z.number().int(), changedPeople: z.number().int(), unchanged: z.number().int() }),
  sample: z.object({
    newHouseholds: z.array(z.object({ courtyard: z.string(), household: z.string() })),
    newPeople: z.array(z.object({ line: z.number().int(), courtyard: z.string(), household: z.string(), name: z.string() })),
    changed: z.array(z.object({ line: z.number().int(), personId: z.string(), name: z.string(), changes: z.array(ZChange) })),
  }),
});
export type TRegistryPreview = z.infer<typeof ZRegistryPreview>;

export const previewRegistryImport = defineContract({
  method: 'GET',
  path: '/api/villages/{villageId}/registry/imports/{importId}/preview',
  summary: '导入预览：每行的问题，或将新增的户、新增的人、修改的人（修改前 → 修改后）',
  tag: 'registry',
  params: ZImportParams,
  response: ZRegistryPreview,
});

export const commitRegistryImport = defineContract({
  method: 'POST',
  path: '/api/villages/{villageId}/registry/imports/{importId}/commit',
  summary: '确认导入：全部写入或全部不写（任何一行有问题整个文件不导入）',
  tag: 'registry',
  params: ZImportParams,
  response: z.object({ counts: ZRegistryPreview.shape.counts }),
});
