/**
 * 导入信息 (信息采集表导入): 下载模板 → choose an .xlsx → the browser reads it (line numbers as the
 * sheet shows them) and uploads the rows in chunks to a staged import → per-row problems (行号,
 * 列, 问题) or a preview of what will change → 确认导入 writes everything or nothing.
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Progress, Select, Space, Table, Typography, Upload, message } from 'antd';
import { useEffect, useState } from 'react';
import * as E from '../../../shared/contracts/endpoints';
// types only: the contract module holds zod, which the back office's bundle leaves out (its eval probe breaks the CSP)
import type { TRegistryPreview } from '../../../shared/contracts/registry-import';
import { REGISTRY_COLUMNS, cellText, readHeader, type TSheetIssue } from '../../../shared/domain/registry-sheet';
import { call, download, messageOf, urlOf } from '../api';
import { useScope } from '../scope';

type TLine = { line: number; cells: string[] };
type TStage = 'idle' | 'reading' | 'uploading' | 'checked' | 'committing' | 'done';
/** Rows per upload: ~200 KB, well under the host's 1 MB body limit (the contract takes up to 2,000). */
const CHUNK = 1000;

/** The first sheet's rows in the import's cell layout, or the header's problems. */
async function readFile(file: File): Promise<{ lines: TLine[] } | { issues: TSheetIssue[] }> {
  const ExcelJS = (await import('exceljs')).default;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await file.arrayBuffer());
  const sheet = book.worksheets[0];
  if (!sheet) return { issues: [{ line: 1, column: null, message: '文件里没有工作表' }] };
  const width = Math.max(sheet.columnCount, REGISTRY_COLUMNS.length);
  const headerRow = sheet.getRow(1);
  const header = readHeader(Array.from({ length: width }, (_, i) => headerRow.getCell(i + 1).value));
  if ('issues' in header) return header;
  const lines: TLine[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    if (line === 1) return;
    const cells = REGISTRY_COLUMNS.map((c) => {
      const i = header.at.get(c.key);
      return i === undefined ? '' : cellText(row.getCell(i + 1).value).slice(0, 200);
    });
    if (cells.some((c) => c !== '')) lines.push({ line, cells });
  });
  return { lines };
}

export function RegistryImportPage() {
  const scope = useScope();
  const [villages, setVillages] = useState<{ id: string; name: string }[]>([]);
  const [villageId, setVillageId] = useState<string | null>(scope.villageId);
  const [stage, setStage] = useState<TStage>('idle');
  const [percent, setPercent] = useState(0);
  const [fileName, setFileName] = useState('');
  const [issues, setIssues] = useState<TSheetIssue[]>([]);
  const [issueCount, setIssueCount] = useState(0);
  const [preview, setPreview] = useState<TRegistryPreview | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (scope.villageId || !scope.townshipId) return;
    call(E.listTownshipVillages, { params: { townshipId: scope.townshipId } })
      .then((r) => setVillages(r.items))
      .catch((e: unknown) => void message.error(messageOf(e)));
  }, [scope.villageId, scope.townshipId]);

  const reset = () => {
    setIssues([]);
    setIssueCount(0);
    setPreview(null);
    setImportId(null);
    setError(null);
    setPercent(0);
  };

  async function importFile(file: File) {
    if (!villageId) return;
    reset();
    setFileName(file.name);
    setStage('reading');
    try {
      const read = await readFile(file);
      if ('issues' in read) {
        setIssues(read.issues);
        setIssueCount(read.issues.length);
        setStage('checked');
        return;
      }
      if (read.lines.length === 0) throw new Error('文件里没有数据行');
      setStage('uploading');
      const { id } = await call(E.startRegistryImport, { params: { villageId }, body: { fileName: file.name.slice(0, 200) } });
      setImportId(id);
      const chunks: TLine[][] = [];
      for (let i = 0; i < read.lines.length; i += CHUNK) chunks.push(read.lines.slice(i, i + CHUNK));
      let sent = 0;
      const send = async (): Promise<void> => {
        for (let c = chunks.shift(); c; c = chunks.shift()) {
          await call(E.uploadRegistryRows, { params: { villageId, importId: id }, body: { rows: c } });
          sent += c.length;
          setPercent(Math.round((sent / read.lines.length) * 80));
        }
      };
      // two in flight: one is parsed and checked while the other's rows are written
      await Promise.all([send(), send()]);
      const p = await call(E.previewRegistryImport, { params: { villageId, importId: id } });
      setPreview(p);
      setIssues(p.issues);
      setIssueCount(p.issueCount);
      setPercent(90);
      setStage('checked');
    } catch (e) {
      setError(e instanceof Error && !('code' in e) ? e.message : messageOf(e));
      setStage('idle');
    }
  }

  async function commit() {
    if (!villageId || !importId) return;
    setStage('committing');
    setError(null);
    try {
      const r = await call(E.commitRegistryImport, { params: { villageId, importId } });
      setPercent(100);
      setStage('done');
      message.success(`导入完成：新增${r.counts.newHouseholds}户、新增${r.counts.newPeople}人、修改${r.counts.changedPeople}人`);
    } catch (e) {
      setError(messageOf(e));
      setStage('checked');
    }
  }

  const busy = stage === 'reading' || stage === 'uploading' || stage === 'committing';
  const ok = preview !== null && issueCount === 0;
  return (
    <Card title="导入信息（信息采集表）" data-testid="registry-import">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {!scope.villageId && (
          <Select
            data-testid="registry-import-village"
            placeholder="选择要导入的村"
            style={{ width: 240 }}
            value={villageId ?? undefined}
            onChange={(v: string) => {
              setVillageId(v);
              reset();
              setStage('idle');
            }}
            options={villages.map((v) => ({ value: v.id, label: v.name }))}
          />
        )}
        <Space>
          <Button
            icon={<DownloadOutlined />}
            disabled={!villageId}
            data-testid="registry-import-template"
            onClick={() =>
              villageId &&
              download(urlOf(E.downloadRegistryTemplate, { params: { villageId } }), '信息采集表模板.xlsx').catch(
                (e: unknown) => void message.error(messageOf(e)),
              )
            }
          >
            下载模板
          </Button>
          <Upload
            accept=".xlsx"
            showUploadList={false}
            disabled={!villageId || busy}
            beforeUpload={(file) => {
              void importFile(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} disabled={!villageId || busy} data-testid="registry-import-pick">
              选择文件
            </Button>
          </Upload>
          {fileName && <Typography.Text data-testid="registry-import-file">{fileName}</Typography.Text>}
        </Space>
        <Typography.Text type="secondary">每行一人；有人员编号的行修改该人员，没有的新增。任何一行有问题，整个文件都不会导入。</Typography.Text>
        {stage !== 'idle' && (
          <div data-testid="registry-import-progress" data-stage={stage} data-percent={percent}>
            <Progress percent={percent} status={stage === 'done' ? 'success' : issueCount ? 'exception' : 'active'} />
            <Typography.Text type="secondary">
              {
                {
                  reading: '正在读取文件…',
                  uploading: '正在上传并检查…',
                  checked: issueCount ? '检查未通过' : '检查通过，请确认',
                  committing: '正在导入…',
                  done: '导入完成',
                }[stage]
              }
            </Typography.Text>
          </div>
        )}
        {error && <Alert type="error" showIcon message={error} data-testid="registry-import-error" />}
        {issueCount > 0 && (
          <>
            <Alert
              type="error"
              showIcon
              data-testid="registry-import-rejected"
              message={`发现${issueCount}处问题，整个文件不会导入。请按行号修改后重新选择文件。`}
            />
            <Table<TSheetIssue>
              data-testid="registry-import-issues"
              size="small"
              rowKey={(r) => `${r.line}-${r.column}-${r.message}`}
              dataSource={issues}
              pagination={{ pageSize: 20 }}
              columns={[
                { title: '行号', dataIndex: 'line', width: 80 },
                { title: '列', dataIndex: 'column', width: 120, render: (v: string | null) => v ?? '—' },
                { title: '问题', dataIndex: 'message' },
              ]}
            />
          </>
        )}
        {ok && preview && <PreviewView preview={preview} />}
        {ok && stage !== 'done' && (
          <Button type="primary" loading={stage === 'committing'} onClick={() => void commit()} data-testid="registry-import-commit">
            确认导入
          </Button>
        )}
      </Space>
    </Card>
  );
}

function PreviewView({ preview }: { preview: TRegistryPreview }) {
  const c = preview.counts;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="registry-import-preview">
      <Descriptions size="small" bordered column={5}>
        <Descriptions.Item label="数据行">{preview.rows}</Descriptions.Item>
        <Descriptions.Item label="新增户">{c.newHouseholds}</Descriptions.Item>
        <Descriptions.Item label="新增人员">{c.newPeople}</Descriptions.Item>
        <Descriptions.Item label="修改人员">{c.changedPeople}</Descriptions.Item>
        <Descriptions.Item label="无变化">{c.unchanged}</Descriptions.Item>
      </Descriptions>
      {preview.sample.changed.length > 0 && (
        <Table
          size="small"
          title={() => '修改（前 20 人）'}
          rowKey={(r) => r.personId}
          dataSource={preview.sample.changed}
          pagination={false}
          columns={[
            { title: '行号', dataIndex: 'line', width: 80 },
            { title: '姓名', dataIndex: 'name', width: 120 },
            {
              title: '修改内容',
              render: (_: unknown, r: TRegistryPreview['sample']['changed'][number]) =>
                r.changes.map((x) => `${x.column}：${x.before || '（空）'} → ${x.after || '（空）'}`).join('；'),
            },
          ]}
        />
      )}
      {preview.sample.newPeople.length > 0 && (
        <Table
          size="small"
          title={() => '新增人员（前 20 人）'}
          rowKey="line"
          dataSource={preview.sample.newPeople}
          pagination={false}
          columns={[
            { title: '行号', dataIndex: 'line', width: 80 },
            { title: '院落', dataIndex: 'courtyard' },
            { title: '户号', dataIndex: 'household' },
            { title: '姓名', dataIndex: 'name' },
          ]}
        />
      )}
    </Space>
  );
}
