/**
 * The funnel of a cycle: potential → nominated → submitted → returned → passed / failed, overall,
 * per kab/kota and per commodity. One grouped query over the cycle's candidates and nominations.
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { isProvinceWide } from '../../platform/authz.ts';
import type { Commodity } from '../../platform/domain.ts';
import type { FunnelStage } from '../../platform/nomination-domain.ts';
import { PASSED_STATES } from './nominations.service.ts';

export type FunnelCounts = Record<FunnelStage, number> & { withdrawn: number };

export interface FunnelRow extends FunnelCounts {
  kabkotaCode: string;
  commodity: Commodity;
}

export interface Funnel {
  overall: FunnelCounts;
  byRegency: (FunnelCounts & { kabkotaCode: string })[];
  byCommodity: (FunnelCounts & { commodity: Commodity })[];
}

const ZERO: FunnelCounts = {
  potential: 0,
  nominated: 0,
  submitted: 0,
  returned: 0,
  passed: 0,
  failed: 0,
  withdrawn: 0,
};

function add(a: FunnelCounts, b: FunnelCounts): FunnelCounts {
  const out = { ...a };
  for (const k of Object.keys(ZERO) as (keyof FunnelCounts)[]) out[k] += b[k];
  return out;
}

/**
 * A product counts as potential when it is on the shortlist or nominated (a nominated product was
 * potential by definition), so each stage holds at most the one before it. An officer sees their
 * own kab/kota only.
 */
export async function cycleFunnel(db: Db, actor: Actor, cycleId: string): Promise<Funnel> {
  const own = isProvinceWide(actor) ? null : (actor.regionCode ?? '-');
  const scope = (alias: string) => (own ? sql`and ${sql.raw(alias)}.kabkota_code = ${own}` : sql``);
  const passed = sql.raw(PASSED_STATES.map((s) => `'${s}'`).join(', '));
  const rows = await queryRows<FunnelRow>(
    db,
    sql`with potential as (
        select c.kabkota_code, p.commodity, c.product_id from candidates c
          join products p on p.id = c.product_id
          where c.cycle_id = ${cycleId} and c.archived_at is null ${scope('c')}
        union
        select n.kabkota_code, n.commodity, n.product_id from nominations n
          where n.cycle_id = ${cycleId} ${scope('n')}),
      pot as (select kabkota_code, commodity, count(distinct product_id)::int as potential
          from potential group by 1, 2),
      nom as (select n.kabkota_code, n.commodity,
          count(*)::int as nominated,
          count(*) filter (where n.first_submitted_at is not null)::int as submitted,
          count(*) filter (where n.return_count > 0)::int as returned,
          count(*) filter (where n.state in (${passed}))::int as passed,
          count(*) filter (where n.state = 'admin_failed')::int as failed,
          count(*) filter (where n.state = 'withdrawn')::int as withdrawn
        from nominations n where n.cycle_id = ${cycleId} ${scope('n')} group by 1, 2)
      select pot.kabkota_code as "kabkotaCode", pot.commodity, pot.potential,
        coalesce(nom.nominated, 0) as nominated, coalesce(nom.submitted, 0) as submitted,
        coalesce(nom.returned, 0) as returned, coalesce(nom.passed, 0) as passed,
        coalesce(nom.failed, 0) as failed, coalesce(nom.withdrawn, 0) as withdrawn
      from pot left join nom on nom.kabkota_code = pot.kabkota_code and nom.commodity = pot.commodity
      order by 1, 2`,
  );
  const clean = rows.map((r) => ({
    kabkotaCode: r.kabkotaCode,
    commodity: r.commodity,
    potential: Number(r.potential),
    nominated: Number(r.nominated),
    submitted: Number(r.submitted),
    returned: Number(r.returned),
    passed: Number(r.passed),
    failed: Number(r.failed),
    withdrawn: Number(r.withdrawn),
  }));
  const regencies = new Map<string, FunnelCounts>();
  const commodities = new Map<Commodity, FunnelCounts>();
  let overall = ZERO;
  for (const r of clean) {
    const { kabkotaCode, commodity, ...counts } = r;
    overall = add(overall, counts);
    regencies.set(kabkotaCode, add(regencies.get(kabkotaCode) ?? ZERO, counts));
    commodities.set(commodity, add(commodities.get(commodity) ?? ZERO, counts));
  }
  return {
    overall,
    byRegency: [...regencies].map(([kabkotaCode, c]) => ({ kabkotaCode, ...c })),
    byCommodity: [...commodities].map(([commodity, c]) => ({ commodity, ...c })),
  };
}
