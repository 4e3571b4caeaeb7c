import ExcelJS from 'exceljs';
import { courtyardsByName } from '../../../db/queries/registry-import';
import { findVillagePlace } from '../../../db/queries/org';
import { REGISTRY_COLUMNS, writeRow } from '../../../shared/domain/registry-sheet';
import { AppError } from '../../../shared/errors';
import type { TServiceContext } from '../context';

/** 导入模板: the header row, one example row (the village's first courtyard) and a 填写说明 sheet listing the columns and the village's courtyards. */
export async function registryTemplate(ctx: TServiceContext, villageId: string): Promise<{ fileName: string; base64: string }> {
  const village = await findVillagePlace(ctx.db, villageId);
  if (!village) throw new AppError('NOT_FOUND');
  const courtyards = [...(await courtyardsByName(ctx.db, villageId)).keys()].sort((a, b) => a.localeCompare(b, 'zh'));

  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('信息采集表');
  sheet.addRow(REGISTRY_COLUMNS.map((c) => c.header)).font = { bold: true };
  sheet.addRow(
    writeRow({
      personId: null,
      courtyard: courtyards[0] ?? '一号院',
      household: '1号',
      name: '张三',
      relation: '户主',
      phone: '13800138000',
      elderly: true,
      livesAlone: false,
      needsCare: false,
      isPartyMember: true,
      absentForWork: false,
    }),
  );
  REGISTRY_COLUMNS.forEach((c, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = c.key === 'personId' ? 38 : Math.max(10, c.header.length * 2 + 4);
    col.numFmt = '@'; // text: a phone stays as typed
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];

  const notes = book.addWorksheet('填写说明');
  notes.addRow(['列', '是否必填', '说明']).font = { bold: true };
  for (const c of REGISTRY_COLUMNS) notes.addRow([c.header, c.required ? '必填' : '选填', c.note]);
  notes.addRow([]);
  notes.addRow(['每行一人；同一院落、同一户号的人是一户，户号不存在时自动新建。']);
  notes.addRow(['有人员编号的行修改该人员；没有人员编号的行新增人员（同一户已有同名人员时视为该人员）。']);
  notes.addRow(['任何一行有问题，整个文件都不会导入；请按提示的行号修改后重新导入。']);
  notes.addRow([]);
  notes.addRow([`${village.name}的院落：`, courtyards.join('、') || '（暂无，请先添加院落）']);
  notes.getColumn(1).width = 16;
  notes.getColumn(2).width = 10;
  notes.getColumn(3).width = 40;

  const buf = Buffer.from(await book.xlsx.writeBuffer());
  return { fileName: `${village.name}-信息采集表模板.xlsx`, base64: buf.toString('base64') };
}
