/**
 * Demo assignment and scoring (`ovop seed --demo`, after the assessment set-up): the 2024 round's
 * nominations that passed administrative selection are assigned automatically to the three demo
 * assessors (conflicts, caps and the even load respected), and each assessor scores and submits their
 * sheets, so the nominations are assessed. The assessors mostly agree; on exactly one nomination they
 * disagree by more than the default threshold (a range over 15 points), for the moderation demo.
 * Everything goes through the services, as the real flow would.
 */
import { and, eq, inArray } from 'drizzle-orm';
import path from 'node:path';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { rubricVersions } from '../../db/schema/assessment.ts';
import { cycles } from '../../db/schema/cycles.ts';
import { users } from '../../db/schema/accounts.ts';
import { scoreSheets } from '../../db/schema/scoring.ts';
import { type Actor, systemActor } from '../../platform/actor.ts';
import type { FileStore } from '../../platform/files.ts';
import type { NominationEnv } from '../nominations/nominations.env.ts';
import { confirmAutomatic, previewAutomatic } from './assignments.service.ts';
import { DEFAULT_RESULTS_OPTIONS } from './results.rules.ts';
import { compileRubric, type Rubric, scoreSheet } from './rubric.rules.ts';
import { submitSheet } from './sheets.service.ts';

const asAssessor = (u: { id: string; email: string }): Actor => ({
  userId: u.id,
  realUserId: u.id,
  role: 'penilai',
  regionCode: null,
  label: u.email,
  lang: 'id',
});

type Levels = Record<string, number>;

/** An assessor's choices: the top level, one lower on a pattern of criteria that depends on who and what. */
function choices(
  rubric: Rubric,
  nomination: number,
  assessor: number,
  mode: 'agree' | 'generous' | 'severe',
): Levels {
  const out: Levels = {};
  let ci = 0;
  for (const a of rubric.aspects)
    for (const c of a.criteria) {
      const levels = [...c.levels].sort((x, y) => x.level - y.level);
      const top = levels.length - 1;
      let idx: number;
      if (mode === 'generous') idx = top;
      else if (mode === 'severe') idx = Math.max(0, top - 2);
      else {
        const period = 2 + (nomination % 3);
        idx = (ci + assessor + nomination) % period === 0 ? Math.max(0, top - 1) : top;
      }
      out[c.code] = levels[idx]!.level;
      ci++;
    }
  return out;
}

const range = (xs: number[]) => Math.max(...xs) - Math.min(...xs);

export async function seedDemoScoring(db: Db, config: Config, files: FileStore): Promise<void> {
  const seed = systemActor('seed');
  const [cycle] = await db.select({ id: cycles.id }).from(cycles).where(eq(cycles.year, 2024)).limit(1);
  if (!cycle) return;
  const env: NominationEnv = {
    provinceCode: config.PROVINCE_CODE,
    mail: config,
    store: files,
    uploadMaxBytes: config.UPLOAD_MAX_MB * 1024 * 1024,
    packageDir: path.join(config.dataDir, 'packages'),
    now: () => new Date(),
  };
  const preview = await previewAutomatic(db, cycle.id, { expertise: 'soft', lang: 'id' });
  const pairs = preview.result.assignments.map((a) => ({
    nominationId: a.nominationId,
    assessorId: a.assessorId,
  }));
  if (pairs.length === 0) return;
  await confirmAutomatic(db, env, seed, cycle.id, { pairs, expertise: 'soft' });

  const sheets = await db
    .select({
      id: scoreSheets.id,
      nominationId: scoreSheets.nominationId,
      assessorId: scoreSheets.assessorId,
      version: scoreSheets.version,
      content: rubricVersions.content,
    })
    .from(scoreSheets)
    .innerJoin(rubricVersions, eq(rubricVersions.id, scoreSheets.rubricVersionId))
    .where(and(eq(scoreSheets.cycleId, cycle.id), eq(scoreSheets.status, 'draft')));
  const people = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.id, [...new Set(sheets.map((s) => s.assessorId))]));
  const order = people.sort((a, b) => a.email.localeCompare(b.email));
  const byNomination = new Map<string, typeof sheets>();
  for (const s of sheets) byNomination.set(s.nominationId, [...(byNomination.get(s.nominationId) ?? []), s]);
  const nominationIds = [...byNomination.keys()].sort();
  // The disagreement: the first nomination scored by at least two assessors.
  const disputed = nominationIds.find((id) => byNomination.get(id)!.length >= 2);
  const threshold = DEFAULT_RESULTS_OPTIONS.disagreement.threshold ?? 15;

  for (const [ni, nominationId] of nominationIds.entries()) {
    const list = byNomination
      .get(nominationId)!
      .sort(
        (a, b) =>
          order.findIndex((p) => p.id === a.assessorId) - order.findIndex((p) => p.id === b.assessorId),
      );
    const rubric = list[0]!.content;
    const compiled = compileRubric(rubric);
    let plan = list.map((s, j) => {
      const mode =
        nominationId === disputed
          ? j === 0
            ? 'generous'
            : j === list.length - 1
              ? 'severe'
              : 'agree'
          : 'agree';
      return choices(
        rubric,
        ni,
        order.findIndex((p) => p.id === s.assessorId),
        mode,
      );
    });
    const totals = plan.map((l) => scoreSheet(compiled, l).total);
    // The others must stay within the threshold; if a pattern happened to spread them, they agree exactly.
    if (nominationId !== disputed && range(totals) > threshold) plan = plan.map(() => plan[0]!);
    for (const [j, s] of list.entries()) {
      const person = order.find((p) => p.id === s.assessorId)!;
      await submitSheet(db, env, asAssessor(person), s.id, {
        version: s.version,
        levels: plan[j]!,
        notes:
          j === 0 ? { [compiled.criteria[0]!.code]: 'Dicek langsung di lokasi produksi (data demo).' } : {},
        siteVisitDate: `2024-08-${String(10 + ni).padStart(2, '0')}`,
        fromPaper: j === list.length - 1,
        generalNote:
          nominationId === disputed && j === list.length - 1
            ? 'Kemasan dan pencatatan produksi belum memadai (data demo).'
            : null,
      });
    }
  }
}
