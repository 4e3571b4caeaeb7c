import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { Alert, Card, Col, Collapse, Row, Segmented, Spin, Statistic, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import * as E from '../../../shared/contracts/endpoints';
import type { TOverview } from '../../../shared/contracts/overview';
import { call, messageOf } from '../api';
import { useScope } from '../scope';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);
// Lets a reader (and the browser test) take a chart's exact figures from its element.
(window as unknown as { xyjCharts?: unknown }).xyjCharts = { getInstanceByDom: echarts.getInstanceByDom };

type TDaily = TOverview['daily'][number];
type TGroup = TOverview['groups'][number];
type TSeries = { name: string; type: 'bar' | 'line'; data: (number | null)[]; yAxisIndex?: number; stack?: string };

const pct = (n: number) => Math.round(n * 1000) / 10;
const show = (v: number | null) => (v === null ? '—' : v);

/** One chart and, under it, the same numbers as a table (collapsed: 查看数据). */
function ChartCard<T extends { key: string }>(p: {
  id: string;
  title: string;
  categories: string[];
  series: TSeries[];
  axes?: string[];
  columns: ColumnsType<T>;
  rows: T[];
}) {
  const option = {
    animation: false,
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    legend: { top: 0 },
    grid: { left: 48, right: p.axes && p.axes.length > 1 ? 56 : 24, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: p.categories },
    yAxis: (p.axes ?? ['']).map((name) => ({ type: 'value', name })),
    series: p.series,
  };
  return (
    <Card title={p.title} size="small">
      <div data-testid={p.id}>
        <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 260 }} />
      </div>
      <Collapse
        ghost
        size="small"
        items={[
          {
            key: 'data',
            label: '查看数据',
            children: <Table<T> data-testid={`${p.id}-table`} size="small" pagination={false} columns={p.columns} dataSource={p.rows} scroll={{ y: 240 }} />,
          },
        ]}
      />
    </Card>
  );
}

const dayCol = { title: '日期', dataIndex: 'day' };
const num = (title: string, dataIndex: string) => ({ title, dataIndex, render: show });

/** 数据概览: charts of the courtyard (院长), the village (per courtyard) or the township (per village), each with its numbers. */
export function OverviewPage() {
  const { grant, villageId, townshipId } = useScope();
  const [days, setDays] = useState(30);
  const [data, setData] = useState<TOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const township = grant.scopeType === 'township';
  const courtyardId = grant.scopeType === 'courtyard' ? grant.scopeId : null;
  useEffect(() => {
    setError(null);
    const req = courtyardId
      ? call(E.courtyardOverview, { params: { courtyardId }, query: { days } })
      : township && townshipId
        ? call(E.townshipOverview, { params: { townshipId }, query: { days } })
        : villageId
          ? call(E.villageOverview, { params: { villageId }, query: { days } })
          : null;
    req?.then(setData, (e: unknown) => setError(messageOf(e)));
  }, [days, township, townshipId, villageId, courtyardId]);

  if (error) return <Alert type="error" showIcon message={error} />;
  if (!data) return <Spin />;
  const h = data.headline;
  const unit = township ? '村' : '院落';
  const dayRows = data.daily.map((d) => ({ key: d.day, ...d }));
  const groupRows = data.groups.map((g) => ({ key: g.id, ...g, rate: pct(g.resolutionRate), notTakingPart: g.households - g.householdsTakingPart }));
  const daysAxis = data.daily.map((d) => d.day.slice(5));
  const by = (k: keyof TDaily) => data.daily.map((d) => d[k] as number | null);
  const byGroup = (f: (g: TGroup) => number | null) => data.groups.map(f);
  const names = data.groups.map((g) => g.name);
  return (
    <div data-testid="overview" className="xyj-overview">
      <Segmented
        data-testid="overview-days"
        value={days}
        onChange={(v) => setDays(Number(v))}
        options={[
          { label: '近7天', value: 7 },
          { label: '近30天', value: 30 },
          { label: '近90天', value: 90 },
        ]}
      />
      <Row gutter={[16, 16]} style={{ margin: '16px 0' }} data-testid="overview-headline">
        <Col span={4}>
          <Statistic title="报满（次）" value={h.binReports} data-testid="headline-bin-reports" />
        </Col>
        <Col span={4}>
          <Statistic title="找院长新增（件）" value={h.requestsOpened} data-testid="headline-requests-opened" />
        </Col>
        <Col span={4}>
          <Statistic title="当前超时未办（件）" value={h.requestsOverdueNow} data-testid="headline-requests-overdue" />
        </Col>
        <Col span={4}>
          <Statistic title="办结率" value={pct(h.resolutionRate)} suffix="%" data-testid="headline-resolution-rate" />
        </Col>
        <Col span={4}>
          <Statistic title="满意度（5分制）" value={h.satisfaction ?? '—'} data-testid="headline-satisfaction" />
        </Col>
        <Col span={4}>
          <Statistic title={`本月参与户数（${data.month}）`} value={h.householdsTakingPart} suffix={`/ ${h.households}`} data-testid="headline-households" />
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col span={12}>
          <ChartCard
            id="overview-chart-bins"
            title="每日报满与清运用时"
            categories={daysAxis}
            axes={['次', '分钟']}
            series={[
              { name: '报满', type: 'bar', data: by('binReports') },
              { name: '清运用时中位数', type: 'line', yAxisIndex: 1, data: by('medianMinutesToClean') },
              { name: '清运用时P90', type: 'line', yAxisIndex: 1, data: by('p90MinutesToClean') },
            ]}
            columns={[
              dayCol,
              num('报满', 'binReports'),
              num('已清运', 'binsCleaned'),
              num('用时中位数（分钟）', 'medianMinutesToClean'),
              num('用时P90（分钟）', 'p90MinutesToClean'),
            ]}
            rows={dayRows}
          />
        </Col>
        <Col span={12}>
          <ChartCard
            id="overview-chart-requests"
            title="找院长：每日新增、办结、超时"
            categories={daysAxis}
            series={[
              { name: '新增', type: 'line', data: by('requestsOpened') },
              { name: '办结', type: 'line', data: by('requestsClosed') },
              { name: '超时', type: 'line', data: by('requestsOverdue') },
            ]}
            columns={[dayCol, num('新增', 'requestsOpened'), num('办结', 'requestsClosed'), num('超时', 'requestsOverdue')]}
            rows={dayRows}
          />
        </Col>
        <Col span={12}>
          <ChartCard
            id="overview-chart-groups"
            title={`找院长：各${unit}办结率与满意度（近${data.days}天）`}
            categories={names}
            axes={['办结率 %', '满意度']}
            series={[
              { name: '办结率 %', type: 'bar', data: groupRows.map((g) => g.rate) },
              { name: '满意度', type: 'line', yAxisIndex: 1, data: byGroup((g) => g.satisfaction) },
            ]}
            columns={[
              { title: unit, dataIndex: 'name' },
              num('事项', 'requests'),
              num('办结', 'resolved'),
              num('办结率 %', 'rate'),
              num('满意度', 'satisfaction'),
              num('评价数', 'ratings'),
            ]}
            rows={groupRows}
          />
        </Col>
        <Col span={12}>
          <ChartCard
            id="overview-chart-points"
            title="积分：每日发放与兑换"
            categories={daysAxis}
            series={[
              { name: '发放', type: 'bar', data: by('pointsIssued') },
              { name: '兑换', type: 'bar', data: by('pointsRedeemed') },
            ]}
            columns={[dayCol, num('发放', 'pointsIssued'), num('兑换', 'pointsRedeemed')]}
            rows={dayRows}
          />
        </Col>
        <Col span={12}>
          <ChartCard
            id="overview-chart-households"
            title={`本月参与户数（各${unit}）`}
            categories={names}
            series={[
              { name: '参与', type: 'bar', stack: 'h', data: byGroup((g) => g.householdsTakingPart) },
              { name: '未参与', type: 'bar', stack: 'h', data: groupRows.map((g) => g.notTakingPart) },
            ]}
            columns={[{ title: unit, dataIndex: 'name' }, num('户数', 'households'), num('参与户数', 'householdsTakingPart')]}
            rows={groupRows}
          />
        </Col>
      </Row>
    </div>
  );
}
