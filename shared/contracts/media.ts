import * as z from 'zod';
import { defineContract } from './define';

export const uploadMedia = defineContract({
  method: 'POST',
  path: '/api/media',
  summary: '上传照片（设备端先压缩；服务端按内容识别类型，限 700KB）',
  tag: 'media',
  status: 201,
  // base64 of ≤700 KB fits the 1 MB body limit
  body: z.object({ dataBase64: z.string().min(4).max(960_000) }),
  response: z.object({ id: z.string(), contentType: z.string(), size: z.number().int() }),
});

export const getMedia = defineContract({
  method: 'GET',
  path: '/api/media/{id}',
  summary: '查看照片（上传人与其所在范围的工作人员）',
  tag: 'media',
  params: z.object({ id: z.uuid() }),
  response: z.object({ id: z.string(), contentType: z.string(), base64: z.string() }),
});
