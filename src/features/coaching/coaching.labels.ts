/** The words for the feature's closed sets, in the reader's language; one word per thing everywhere. */
import type {
  CoachingLevel,
  FundingSource,
  OutcomeKind,
  RecommendationSource,
} from '../../db/schema/coaching.ts';
import type { Lang } from '../../platform/domain.ts';
import { render } from '../../platform/i18n.ts';
import { COACHING_KIND_NAMES, type CoachingKind } from '../assessment/rubric.rules.ts';
import { coachingLabels } from './coaching.messages.ts';
import type { ProgrammePhase } from './coaching.rules.ts';

const label = (key: keyof typeof coachingLabels, lang: Lang) => render(coachingLabels[key], lang);
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The gap analysis's own name for a coaching kind, as a label ("Kemasan dan merek"). */
export const kindLabel = (k: CoachingKind, lang: Lang) => capitalise(COACHING_KIND_NAMES[k][lang]);
/** The same name inside a sentence ("kemasan dan merek"). */
export const kindWord = (k: CoachingKind, lang: Lang) => COACHING_KIND_NAMES[k][lang];
export const kindHint = (k: CoachingKind, lang: Lang) => label(`kindHint_${k}`, lang);
export const fundingLabel = (f: FundingSource, lang: Lang) => label(`funding_${f}`, lang);
export const levelLabel = (l: CoachingLevel, lang: Lang) => label(`level_${l}`, lang);
export const phaseLabel = (p: ProgrammePhase, lang: Lang) => label(`phase_${p}`, lang);
export const outcomeLabel = (o: OutcomeKind, lang: Lang) => label(`outcome_${o}`, lang);
export const sourceLabel = (s: RecommendationSource, lang: Lang) => label(`source_${s}`, lang);

/** One colour per phase, the same everywhere. */
export const phaseTone = { planned: 'blue', ongoing: 'green', finished: 'grey' } as const;
