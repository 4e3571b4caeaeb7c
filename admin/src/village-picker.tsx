/**
 * The village a page works in: a cadre's own (or a head's), or for township staff the one
 * they pick from the township's villages (GET /api/townships/{id}/villages).
 */
import { Select } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import * as E from '../../shared/contracts/endpoints';
import type { TNamed } from '../../shared/contracts/common';
import { call, messageOf } from './api';
import { useScope } from './scope';

export function useVillage(): { villageId: string | null; picker: ReactNode; error: string } {
  const { villageId: own, townshipId, grant } = useScope();
  const township = grant.scopeType === 'township';
  const [villages, setVillages] = useState<TNamed[]>([]);
  const [picked, setPicked] = useState<string | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    if (!township || !townshipId) return;
    call(E.listTownshipVillages, { params: { townshipId } })
      .then((r) => {
        setVillages(r.items);
        setPicked((p) => p ?? r.items[0]?.id ?? null);
      })
      .catch((e) => setError(messageOf(e)));
  }, [township, townshipId]);
  if (!township) return { villageId: own, picker: null, error };
  const picker = (
    <Select
      aria-label="选择村"
      data-testid="admin-village-picker"
      style={{ width: 200 }}
      value={picked ?? undefined}
      placeholder="选择村"
      options={villages.map((v) => ({ value: v.id, label: v.name }))}
      onChange={setPicked}
    />
  );
  return { villageId: picked, picker, error };
}
