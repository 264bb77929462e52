/**
 * Decided results on the IKM timeline and its trajectory (registered in app.ts): each decided star
 * with its round and score, and the mean aspect scores of the round's sheets. The IKM owner sees a
 * result only once it is published; the office sees it when decided.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { cycles } from '../../db/schema/cycles.ts';
import { nominations } from '../../db/schema/nominations.ts';
import { products } from '../../db/schema/registry.ts';
import { nominationResults, scoreSheets } from '../../db/schema/scoring.ts';
import { localDate } from '../../platform/format.ts';
import { render } from '../../platform/i18n.ts';
import type {
  TimelineContext,
  TimelineSource,
  TimelineSubject,
  TrajectorySource,
} from '../../platform/timeline.ts';
import { starText } from './classify.rules.ts';
import { resultsText } from './results.messages.ts';
import { compiledVersion } from './rubrics.service.ts';

async function decided(ctx: TimelineContext, ikm: TimelineSubject) {
  const office =
    ctx.actor.role === 'admin_provinsi' ||
    ctx.actor.role === 'petugas_kabkota' ||
    ctx.actor.role === 'system';
  const rows = await ctx.db
    .select({
      nominationId: nominations.id,
      state: nominations.state,
      cycleName: cycles.name,
      maxStar: cycles.starScale,
      product: products.name,
      finalStar: nominationResults.finalStar,
      score: nominationResults.score,
      decidedAt: nominationResults.decidedAt,
    })
    .from(nominationResults)
    .innerJoin(nominations, eq(nominations.id, nominationResults.nominationId))
    .innerJoin(cycles, eq(cycles.id, nominations.cycleId))
    .innerJoin(products, eq(products.id, nominations.productId))
    .where(and(eq(nominations.ikmId, ikm.id), eq(nominationResults.status, 'decided')))
    .orderBy(asc(nominationResults.decidedAt));
  return rows.filter((r) => office || r.state === 'published');
}

/** Each decided result as a dated entry. */
export const resultsTimelineSource: TimelineSource = async (ctx, ikm) =>
  (await decided(ctx, ikm)).map((r) => ({
    date: localDate(r.decidedAt!),
    kind: 'result',
    kindLabel: render(resultsText.panelTitle, ctx.lang),
    tone: (r.finalStar ?? 0) > 0 ? 'green' : 'grey',
    title: render(resultsText.panelLine, ctx.lang, {
      cycle: r.cycleName,
      product: r.product,
      star: starText(r.finalStar ?? 0)[ctx.lang],
      score: r.score === null ? '—' : r.score.toFixed(2).replace('.', ctx.lang === 'id' ? ',' : '.'),
    }),
  }));

/** Each decided round's star and the mean of its sheets' aspect scores, on the aspect's own scale. */
export const resultsTrajectory: TrajectorySource = async (ctx, ikm) => {
  const rows = await decided(ctx, ikm);
  if (rows.length === 0) return [];
  const sheets = await ctx.db
    .select({
      nominationId: scoreSheets.nominationId,
      rubricVersionId: scoreSheets.rubricVersionId,
      aspects: scoreSheets.aspects,
    })
    .from(scoreSheets)
    .where(
      and(
        inArray(
          scoreSheets.nominationId,
          rows.map((r) => r.nominationId),
        ),
        eq(scoreSheets.status, 'submitted'),
      ),
    );
  const out = [];
  for (const r of rows) {
    const own = sheets.filter((s) => s.nominationId === r.nominationId && s.aspects);
    const aspects = [];
    if (own.length) {
      const rubric = await compiledVersion(ctx.db, own[0]!.rubricVersionId);
      const scale = rubric.totalWeight > 0 ? 100 / rubric.totalWeight : 0;
      for (const a of rubric.rubric.aspects) {
        const max = a.criteria.reduce((sum, c) => sum + c.weight, 0) * scale;
        const score = own.reduce((sum, s) => sum + (s.aspects![a.code] ?? 0), 0) / own.length;
        aspects.push({ code: a.code, name: a.name[ctx.lang], score: Math.round(score * 100) / 100, max });
      }
    }
    out.push({
      label: r.cycleName,
      date: localDate(r.decidedAt!),
      star: r.finalStar,
      maxStar: r.maxStar,
      aspects,
    });
  }
  return out;
};
