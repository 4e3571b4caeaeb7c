import { Alert, Button, Card, Col, Row, Segmented, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type HTMLAttributes } from 'react';
import * as E from '../../../shared/contracts/endpoints';
import type { TVillageBin } from '../../../shared/contracts/bins';
import { call, messageOf } from '../api';
import { mountBinMap, tileSource, type TBinMap } from '../bin-map';
import { useVillage } from '../village-picker';

/** A bin's state on the map: 停用, else 超时未清 / 待清运 while a report is open, else 正常. */
type TMapState = 'overdue' | 'open' | 'ok' | 'disabled';
const STATES: Record<TMapState, { label: string; color: string }> = {
  overdue: { label: '超时未清', color: '#8b0000' },
  open: { label: '待清运', color: '#e53935' },
  ok: { label: '正常', color: '#1f8a4c' },
  disabled: { label: '停用', color: '#9e9e9e' },
};

const DRAW_ORDER: Record<TMapState, number> = { disabled: 0, ok: 1, open: 2, overdue: 3 };

type TRow = TVillageBin & { mapState: TMapState; reports30: number; openedAt: string | null };

/** 垃圾桶地图: the village's bins on the tile map coloured by state, beside a table with filters. */
export function BinsPage() {
  const { villageId, picker, error: pickError } = useVillage();
  const [rows, setRows] = useState<TRow[] | null>(null);
  const [error, setError] = useState('');
  const [filter, setFilter] = useState<TMapState | 'all'>('all');
  const [mapFailed, setMapFailed] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<TBinMap | null>(null);
  const tiles = useMemo(tileSource, []);

  const load = useCallback(() => {
    if (!villageId) return;
    setError('');
    Promise.all([
      call(E.listVillageBins, { params: { villageId } }),
      call(E.villageOpenBins, { params: { villageId }, query: { limit: 100 } }),
      call(E.binStats, { params: { villageId }, query: { days: 30 } }),
    ])
      .then(([bins, open, stats]) => {
        const openBy = new Map(open.items.map((o) => [o.bin.id, o]));
        const reports = new Map(stats.bins.map((b) => [b.id, b.reports]));
        setRows(
          bins.items.map((b) => {
            const o = openBy.get(b.id);
            const mapState: TMapState = b.state === 'disabled' ? 'disabled' : o ? (o.overdue ? 'overdue' : 'open') : 'ok';
            return { ...b, mapState, reports30: reports.get(b.id) ?? 0, openedAt: o?.openedAt ?? null };
          }),
        );
      })
      .catch((e) => setError(messageOf(e)));
  }, [villageId]);
  useEffect(load, [load]);

  const points = useMemo(
    () =>
      // reported bins drawn last, on top where markers overlap
      [...(rows ?? [])]
        .sort((a, b) => DRAW_ORDER[a.mapState] - DRAW_ORDER[b.mapState])
        .map((r) => ({
          id: r.id,
          lat: r.lat,
          lng: r.lng,
          title: `${r.label} · ${STATES[r.mapState].label}`,
          state: r.mapState,
          color: STATES[r.mapState].color,
        })),
    [rows],
  );
  const showMap = !!tiles && !mapFailed && rows !== null;

  // the map is made once per village (when its bins arrive) and then only redrawn
  const latest = useRef(points);
  latest.current = points;
  useEffect(() => setRows(null), [villageId]);
  useEffect(() => {
    if (!showMap || !tiles || !box.current) return;
    let live = true;
    mountBinMap(box.current, tiles, latest.current)
      .then((m) => {
        if (!live) return m.destroy();
        map.current = m;
        m.setPoints(latest.current);
      })
      .catch(() => live && setMapFailed(true));
    return () => {
      live = false;
      map.current?.destroy();
      map.current = null;
    };
  }, [showMap, tiles]);
  useEffect(() => map.current?.setPoints(points), [points]);

  const shown = (rows ?? []).filter((r) => filter === 'all' || r.mapState === filter);
  const count = (s: TMapState) => (rows ?? []).filter((r) => r.mapState === s).length;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        {picker}
        <Button onClick={load}>刷新</Button>
        <span data-testid="bins-legend">
          {(Object.keys(STATES) as TMapState[]).map((s) => (
            <span key={s} style={{ marginRight: 16 }}>
              <i className="xyj-legend" style={{ background: STATES[s].color }} />
              {STATES[s].label} {count(s)}
            </span>
          ))}
        </span>
      </Space>
      {pickError || error ? <Alert type="error" showIcon message={pickError || error} /> : null}
      {!tiles || mapFailed ? (
        <Alert type="warning" showIcon data-testid="bins-map-unavailable" message={tiles ? '地图底图无法加载，仅显示列表' : '未配置地图底图，仅显示列表'} />
      ) : null}
      <Row gutter={16}>
        {showMap ? (
          <Col span={14}>
            <Card styles={{ body: { padding: 0 } }}>
              <div ref={box} data-testid="bins-map" style={{ height: 600 }} />
            </Card>
          </Col>
        ) : null}
        <Col span={showMap ? 10 : 24}>
          <Card>
            <Segmented
              data-testid="bins-filter"
              value={filter}
              onChange={(v) => setFilter(v as TMapState | 'all')}
              options={[{ value: 'all', label: '全部' }, ...(Object.keys(STATES) as TMapState[]).map((s) => ({ value: s, label: STATES[s].label }))]}
              style={{ marginBottom: 12 }}
            />
            <Table<TRow>
              data-testid="bins-table"
              rowKey="id"
              size="small"
              loading={rows === null && !error}
              dataSource={shown}
              pagination={{ pageSize: 12, hideOnSinglePage: true }}
              columns={[
                { title: '编号', dataIndex: 'label' },
                { title: '院落', render: (_, r) => r.courtyard?.name ?? '—' },
                { title: '状态', render: (_, r) => <Tag color={STATES[r.mapState].color}>{STATES[r.mapState].label}</Tag> },
                { title: '保洁员', render: (_, r) => r.cleaners.map((c) => c.name).join('、') || '—' },
                { title: '30天报满', dataIndex: 'reports30', align: 'right' },
              ]}
              onRow={(r) => ({ 'data-state': r.mapState }) as HTMLAttributes<HTMLElement>}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
