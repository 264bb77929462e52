/**
 * The text of the assessment rules (rubric, results, classification, assignment, conflicts, gap
 * analysis), Indonesian and English side by side. The rules return notes already rendered in both
 * languages, so a page, the API or an export picks `text[lang]` without knowing the catalog.
 */
import { defineMessages, type Lang, type Message, render } from '../../platform/i18n.ts';

/** A text in both interface languages. */
export interface Bilingual {
  id: string;
  en: string;
}

/** A parameter of a note: a number (formatted per language), a text, or a text in both languages. */
export type Param = string | number | Bilingual;

/** An explanation or a broken rule: a stable code, its parameters, and its text in both languages. */
export interface Note {
  code: string;
  params: Record<string, Param>;
  text: Bilingual;
}

/** English singular or plural by a formatted count. */
const pl = (n: string | number | undefined, one: string, many: string) => (String(n) === '1' ? one : many);

export const rulesText = defineMessages({
  // rubric
  rubricTitleMissing: {
    id: 'Judul rubrik wajib diisi dalam dua bahasa.',
    en: 'The rubric needs a title in both languages.',
  },
  rubricNoAspects: { id: 'Rubrik belum memiliki aspek.', en: 'The rubric has no aspects.' },
  aspectCodeMissing: { id: 'Aspek ke-{n} belum memiliki kode.', en: 'Aspect {n} has no code.' },
  aspectCodeDuplicate: {
    id: 'Kode aspek {aspect} dipakai lebih dari sekali.',
    en: 'Aspect code {aspect} is used more than once.',
  },
  aspectNameMissing: {
    id: 'Aspek {aspect} wajib diberi nama dalam dua bahasa.',
    en: 'Aspect {aspect} needs a name in both languages.',
  },
  aspectNoCriteria: { id: 'Aspek {aspect} belum memiliki kriteria.', en: 'Aspect {aspect} has no criteria.' },
  aspectRequired: {
    id: 'Aturan bobot meminta aspek {aspect} dengan bobot {expected}, tetapi rubrik tidak memilikinya.',
    en: 'The weights’ rule asks for aspect {aspect} weighing {expected}, but the rubric has none.',
  },
  aspectWeightNotExact: {
    id: 'Bobot aspek {aspect} berjumlah {actual}; aturan meminta tepat {expected}.',
    en: 'The weights of aspect {aspect} total {actual}; the rule asks for exactly {expected}.',
  },
  aspectWeightOverMax: {
    id: 'Bobot aspek {aspect} berjumlah {actual}, melebihi batas {max}.',
    en: 'The weights of aspect {aspect} total {actual}, over its maximum of {max}.',
  },
  weightsTotalWrong: {
    id: 'Jumlah semua bobot {actual}; aturan meminta {expected}.',
    en: 'The weights total {actual}; the rule asks for {expected}.',
  },
  criterionCodeMissing: {
    id: 'Kriteria ke-{n} pada aspek {aspect} belum memiliki kode.',
    en: 'Criterion {n} of aspect {aspect} has no code.',
  },
  criterionCodeDuplicate: {
    id: 'Kode kriteria {criterion} dipakai lebih dari sekali.',
    en: 'Criterion code {criterion} is used more than once.',
  },
  criterionNameMissing: {
    id: 'Kriteria {criterion} wajib diberi nama dalam dua bahasa.',
    en: 'Criterion {criterion} needs a name in both languages.',
  },
  criterionWeightNotPositive: {
    id: 'Bobot kriteria {criterion} harus lebih dari 0.',
    en: 'The weight of criterion {criterion} must be more than 0.',
  },
  criterionCoachingUnknown: {
    id: 'Jenis pembinaan kriteria {criterion} tidak dikenal.',
    en: 'The coaching kind of criterion {criterion} is not one we know.',
  },
  criterionTooFewLevels: {
    id: 'Kriteria {criterion} memerlukan paling sedikit {min} tingkat.',
    en: 'Criterion {criterion} needs at least {min} levels.',
  },
  levelNumberInvalid: {
    id: 'Nomor tingkat pada kriteria {criterion} harus bilangan bulat mulai 1.',
    en: 'Level numbers of criterion {criterion} must be whole numbers from 1.',
  },
  levelNumberDuplicate: {
    id: 'Tingkat {level} pada kriteria {criterion} muncul lebih dari sekali.',
    en: 'Level {level} of criterion {criterion} appears more than once.',
  },
  levelPointsInvalid: {
    id: 'Poin tingkat {level} pada kriteria {criterion} harus angka 0 atau lebih.',
    en: 'The points of level {level} of criterion {criterion} must be a number of 0 or more.',
  },
  levelLabelMissing: {
    id: 'Tingkat {level} pada kriteria {criterion} wajib diberi label dalam dua bahasa.',
    en: 'Level {level} of criterion {criterion} needs a label in both languages.',
  },
  levelDescriptorMissing: {
    id: 'Tingkat {level} pada kriteria {criterion} wajib diberi uraian dalam dua bahasa.',
    en: 'Level {level} of criterion {criterion} needs a descriptor in both languages.',
  },
  levelPointsNotRising: {
    id: 'Pada kriteria {criterion}, tingkat {higher} harus bernilai lebih banyak poin daripada tingkat {lower}.',
    en: 'In criterion {criterion}, level {higher} must be worth more points than level {lower}.',
  },
  levelTopPointsZero: {
    id: 'Tingkat tertinggi kriteria {criterion} harus bernilai lebih dari 0 poin.',
    en: 'The top level of criterion {criterion} must be worth more than 0 points.',
  },
  sheetUnknownCriterion: {
    id: 'Kriteria {criterion} tidak ada dalam rubrik.',
    en: 'Criterion {criterion} is not in the rubric.',
  },
  sheetLevelNotInRubric: {
    id: 'Tingkat {level} tidak ada pada kriteria {criterion}; pilih salah satu dari {allowed}.',
    en: 'Level {level} does not exist for criterion {criterion}; choose one of {allowed}.',
  },
  sheetCriteriaMissing: {
    id: '{count} kriteria belum dinilai: {list}.',
    en: (p) => `${p.count} ${pl(p.count, 'criterion has', 'criteria have')} no level yet: ${p.list}.`,
  },
  // results
  sheetsIncomplete: {
    id: 'Baru {count} dari {expected} lembar penilaian yang dikirim.',
    en: (p) => `Only ${p.count} of ${p.expected} score sheets submitted.`,
  },
  spreadOverThreshold: {
    id: 'Penilai tidak sepakat: {measure} {spread} poin, melebihi ambang periode ini ({threshold}). Perlu moderasi.',
    en: 'The assessors disagree: {measure} is {spread} points, over this cycle’s threshold of {threshold}. Needs moderation.',
  },
  normalisationUnavailable: {
    id: 'Skor ternormalisasi tidak tersedia: {count} penilai menilai terlalu sedikit usulan untuk distandardisasi.',
    en: (p) =>
      `No normalised score: ${p.count} ${p.count === '1' ? 'assessor' : 'assessors'} scored too few nominations to be standardised.`,
  },
  scoreModerated: {
    id: 'Skor disepakati dalam moderasi: {score} (hasil hitung {aggregate}). Alasan: {reason}',
    en: 'Score agreed in moderation: {score} (computed {aggregate}). Reason: {reason}',
  },
  normaliseSkipped: {
    id: 'Tidak dinormalisasi: baru menilai {count} usulan (paling sedikit {min}).',
    en: (p) =>
      `Not normalised: scored ${p.count} ${p.count === '1' ? 'nomination' : 'nominations'} (at least ${p.min} needed).`,
  },
  normaliseShifted: {
    id: 'Semua {count} skornya sama, sehingga hanya digeser ke rata-rata panel.',
    en: 'All {count} of their scores are equal, so they are only shifted to the panel’s mean.',
  },
  severityUnknown: {
    id: 'Kecenderungan belum dapat dinilai: {shared} usulan dinilai bersama penilai lain (paling sedikit {min}).',
    en: (p) =>
      `Tendency not yet known: ${p.shared} ${pl(p.shared, 'nomination', 'nominations')} shared with other assessors (at least ${p.min} needed).`,
  },
  severityInLine: {
    id: 'Sejalan dengan penilai lain (selisih rata-rata {deviation} poin pada {shared} usulan bersama).',
    en: (p) =>
      `In line with the other assessors (mean difference ${p.deviation} points over ${p.shared} shared ${pl(p.shared, 'nomination', 'nominations')}).`,
  },
  severitySevere: {
    id: 'Cenderung ketat: rata-rata {deviation} poin di bawah penilai lain pada {shared} usulan bersama.',
    en: (p) =>
      `Severe: on average ${p.deviation} points below the other assessors over ${p.shared} shared ${pl(p.shared, 'nomination', 'nominations')}.`,
  },
  severityLenient: {
    id: 'Cenderung longgar: rata-rata {deviation} poin di atas penilai lain pada {shared} usulan bersama.',
    en: (p) =>
      `Lenient: on average ${p.deviation} points above the other assessors over ${p.shared} shared ${pl(p.shared, 'nomination', 'nominations')}.`,
  },
  alphaUndefined: {
    id: 'Kesepakatan antarpenilai belum dapat dihitung (perlu usulan dengan paling sedikit dua penilaian yang berbeda; ada {units}).',
    en: 'Agreement between assessors cannot be computed yet (it needs nominations with two or more differing scores; there are {units}).',
  },
  alphaReliable: {
    id: 'Kesepakatan antarpenilai baik: alfa Krippendorff {alpha} atas {units} usulan (≥ 0,800).',
    en: 'Assessors agree well: Krippendorff’s alpha {alpha} over {units} nominations (≥ 0.800).',
  },
  alphaTentative: {
    id: 'Kesepakatan antarpenilai sedang: alfa Krippendorff {alpha} atas {units} usulan (0,667–0,800); simpulkan dengan hati-hati.',
    en: 'Moderate agreement: Krippendorff’s alpha {alpha} over {units} nominations (0.667–0.800); draw conclusions with care.',
  },
  alphaUnreliable: {
    id: 'Kesepakatan antarpenilai lemah: alfa Krippendorff {alpha} atas {units} usulan (< 0,667); kalibrasi penilai dianjurkan.',
    en: 'Weak agreement: Krippendorff’s alpha {alpha} over {units} nominations (< 0.667); calibrate the assessors.',
  },
  sheetNoRubric: {
    id: 'Lembar tidak dihitung: tidak ada rubrik untuk komoditas usulan ini.',
    en: 'Sheet left out: there is no rubric for this nomination’s commodity.',
  },
  sheetIncompleteLeftOut: {
    id: 'Lembar tidak dihitung: {count} kriteria belum dinilai ({list}).',
    en: (p) =>
      `Sheet left out: ${p.count} ${pl(p.count, 'criterion has', 'criteria have')} no level (${p.list}).`,
  },
  // classification
  scaleMaxStarInvalid: {
    id: 'Skala bintang harus bilangan bulat 1 atau lebih (misalnya 3 atau 5).',
    en: 'The star scale must be a whole number of 1 or more (e.g. 3 or 5).',
  },
  bandsEmpty: { id: 'Belum ada rentang skor untuk bintang.', en: 'There are no score bands for the stars.' },
  bandStarOutOfScale: {
    id: 'Bintang {star} di luar skala 0–{max}.',
    en: 'Star {star} is outside the scale 0–{max}.',
  },
  bandStarDuplicate: {
    id: 'Rentang untuk {star} ada lebih dari satu.',
    en: 'There is more than one band for {star}.',
  },
  bandStarMissing: { id: 'Belum ada rentang skor untuk {star}.', en: 'There is no score band for {star}.' },
  bandEmpty: {
    id: 'Rentang {star} tidak valid: batas bawah {min} harus lebih kecil dari batas atas {max}.',
    en: 'The band for {star} is not valid: its lower edge {min} must be below its upper edge {max}.',
  },
  bandOutsideScale: {
    id: 'Rentang {star} keluar dari skala skor {lo}–{hi}.',
    en: 'The band for {star} goes beyond the score scale {lo}–{hi}.',
  },
  bandsOverlap: {
    id: 'Rentang {a} dan {b} bertumpang tindih pada skor {from}–{to}.',
    en: 'The bands for {a} and {b} overlap at scores {from}–{to}.',
  },
  bandsGap: {
    id: 'Skor dari {from} sampai {to} tidak masuk rentang mana pun; sambungkan rentangnya.',
    en: 'Scores from {from} to {to} fall in no band; make the bands meet.',
  },
  bandsNotRising: {
    id: 'Rentang {higher} berada di atas rentang {lower}; bintang harus naik bersama skor.',
    en: 'The band for {higher} lies above the band for {lower}; stars must rise with the score.',
  },
  gateCodeMissing: { id: 'Syarat ke-{n} belum memiliki kode.', en: 'Gate {n} has no code.' },
  gateCodeDuplicate: {
    id: 'Kode syarat {gate} dipakai lebih dari sekali.',
    en: 'Gate code {gate} is used more than once.',
  },
  gateCapInvalid: {
    id: 'Syarat {gate} membatasi bintang: batasnya harus bilangan bulat 0–{max}.',
    en: 'Gate {gate} caps the star: its cap must be a whole number from 0 to {max}.',
  },
  gateEffectUnknown: {
    id: 'Syarat {gate} harus meniadakan atau membatasi bintang.',
    en: 'Gate {gate} must either deny or cap the star.',
  },
  gateNoCondition: { id: 'Syarat {gate} belum memiliki kondisi.', en: 'Gate {gate} has no condition.' },
  gateConditionFactMissing: {
    id: 'Kondisi pada syarat {gate} belum menyebut data yang diperiksa.',
    en: 'A condition of gate {gate} names no fact to check.',
  },
  gateConditionValuesMissing: {
    id: 'Kondisi pada syarat {gate} memerlukan daftar nilai.',
    en: 'A condition of gate {gate} needs a list of values.',
  },
  gateConditionValueMissing: {
    id: 'Kondisi pada syarat {gate} memerlukan angka pembanding.',
    en: 'A condition of gate {gate} needs a number to compare with.',
  },
  gateConditionOpUnknown: {
    id: 'Kondisi pada syarat {gate} memakai pembanding yang tidak dikenal.',
    en: 'A condition of gate {gate} uses an unknown comparison.',
  },
  gateReasonMissing: {
    id: 'Syarat {gate} wajib diberi alasan dalam dua bahasa.',
    en: 'Gate {gate} needs a reason in both languages.',
  },
  classBand: {
    id: 'Skor {score} berada pada rentang {min}–{max}: {star}.',
    en: 'Score {score} lies in the band {min}–{max}: {star}.',
  },
  classNoBand: {
    id: 'Skor {score} tidak berada pada rentang mana pun: tanpa bintang.',
    en: 'Score {score} lies in no band: no star.',
  },
  gateDenied: { id: 'Tanpa bintang: {reason}.', en: 'No star: {reason}.' },
  gateCapped: {
    id: 'Dibatasi dari {from} menjadi {to}: {reason}.',
    en: 'Capped from {from} to {to}: {reason}.',
  },
  gateCapNoEffect: {
    id: 'Batas {cap} berlaku ({reason}), tetapi bintangnya sudah dalam batas itu.',
    en: 'The cap of {cap} applies ({reason}), but the star is already within it.',
  },
  gateFactUnknown: {
    id: 'Data "{fact}" belum diisi; syarat yang memeriksanya dinilai dengan anggapan bawaannya.',
    en: 'The fact "{fact}" is not recorded; the gates that check it used their default assumption.',
  },
  classResult: { id: 'Hasil: {star}.', en: 'Result: {star}.' },
  rankNoScore: { id: 'Belum diperingkat: belum ada skor.', en: 'Not ranked: no score yet.' },
  rankTieAbove: {
    id: 'Skor sama dengan {other} ({score}); ditempatkan di atasnya karena {key} ({mine} lawan {theirs}).',
    en: 'Same score as {other} ({score}); placed above it by {key} ({mine} against {theirs}).',
  },
  rankTieBelow: {
    id: 'Skor sama dengan {other} ({score}); ditempatkan di bawahnya karena {key} ({mine} lawan {theirs}).',
    en: 'Same score as {other} ({score}); placed below it by {key} ({mine} against {theirs}).',
  },
  rankTieShared: {
    id: 'Berbagi peringkat dengan {other}: skor {score} sama, begitu pula {keys}.',
    en: 'Shares its rank with {other}: the same score {score}, and equal on {keys}.',
  },
  // assignment
  assignKInvalid: {
    id: 'Jumlah penilai per usulan harus bilangan bulat 1 atau lebih.',
    en: 'Assessors per nomination must be a whole number of 1 or more.',
  },
  assignDuplicateNomination: {
    id: 'Usulan {id} tercantum lebih dari sekali.',
    en: 'Nomination {id} is listed more than once.',
  },
  assignDuplicateAssessor: {
    id: 'Penilai {id} tercantum lebih dari sekali.',
    en: 'Assessor {id} is listed more than once.',
  },
  assignCapInvalid: {
    id: 'Batas beban {assessor} harus bilangan bulat 0 atau lebih.',
    en: 'The load cap of {assessor} must be a whole number of 0 or more.',
  },
  assignExistingUnknown: {
    id: 'Penugasan yang ada merujuk usulan {nomination} atau penilai {assessor} yang tidak dikenal.',
    en: 'An existing assignment names an unknown nomination {nomination} or assessor {assessor}.',
  },
  assignExistingConflicted: {
    id: 'Penugasan {assessor} pada {nomination} bertentangan dengan konflik kepentingan yang dinyatakan ({kind}); cabut penugasan itu.',
    en: 'The assignment of {assessor} to {nomination} breaks a declared conflict of interest ({kind}); withdraw it.',
  },
  assignExistingOverCap: {
    id: '{assessor} sudah memegang {load} usulan, melebihi batasnya ({cap}).',
    en: (p) =>
      `${p.assessor} already holds ${p.load} ${pl(p.load, 'nomination', 'nominations')}, over their cap of ${p.cap}.`,
  },
  assignWhyExpert: { id: 'Ahli komoditas {commodity}.', en: 'Expert in {commodity}.' },
  assignWhyNotExpert: {
    id: 'Bukan ahli {commodity}; ahli yang ada: {reasons}.',
    en: 'Not an expert in {commodity}; of the experts, {reasons}.',
  },
  expertNone: { id: 'tidak ada ahli komoditas ini di panel', en: 'there are none on the panel' },
  expertConflicted: { id: '{count} berkonflik kepentingan', en: '{count} conflicted' },
  expertTaken: { id: '{count} sudah menilai usulan ini', en: '{count} already on this nomination' },
  expertAtCap: { id: '{count} sudah mencapai batas beban', en: '{count} at their load cap' },
  expertBusier: {
    id: '{count} sudah memegang usulan sebanyak atau lebih banyak (beban merata didahulukan)',
    en: '{count} already carry as many nominations or more (an even load comes first)',
  },
  assignWhyLoad: {
    id: 'Beban setelah penugasan: {load} usulan (batas {cap}); beban panel {min}–{max}.',
    en: (p) =>
      `Load after assignment: ${p.load} ${pl(p.load, 'nomination', 'nominations')} (cap ${p.cap}); panel loads ${p.min}–${p.max}.`,
  },
  assignShort: {
    id: 'Hanya {got} dari {wanted} penilai: {reasons}.',
    en: (p) => `Only ${p.got} of ${p.wanted} assessors: ${p.reasons}.`,
  },
  shortPanel: {
    id: 'panel hanya berisi {count} penilai',
    en: (p) => `the panel has only ${p.count} ${pl(p.count, 'assessor', 'assessors')}`,
  },
  shortConflicted: { id: '{count} berkonflik kepentingan', en: '{count} conflicted' },
  shortNotExpert: {
    id: '{count} bukan ahli {commodity}',
    en: (p) => `${p.count} not ${pl(p.count, 'an expert', 'experts')} in ${p.commodity}`,
  },
  shortAtCapacity: { id: '{count} sudah mencapai batas beban', en: '{count} at their load cap' },
  refuseConflict: {
    id: '{assessor} tidak dapat ditugaskan: ada konflik kepentingan yang dinyatakan ({kinds}).',
    en: '{assessor} cannot be assigned: a conflict of interest is declared ({kinds}).',
  },
  refuseAlreadyAssigned: {
    id: '{assessor} sudah ditugaskan pada usulan ini.',
    en: '{assessor} is already assigned to this nomination.',
  },
  refuseAtCap: {
    id: '{assessor} sudah mencapai batas beban ({cap} usulan).',
    en: (p) =>
      `${p.assessor} has reached their load cap (${p.cap} ${pl(p.cap, 'nomination', 'nominations')}).`,
  },
  notExpertIn: {
    id: '{assessor} bukan ahli komoditas {commodity}.',
    en: '{assessor} is not an expert in {commodity}.',
  },
  conflictSuggested: {
    id: 'Kemungkinan konflik kepentingan: {assessor} dan {ikm} memiliki {what} yang sama.',
    en: 'Possible conflict of interest: {assessor} and {ikm} share the {what}.',
  },
  // gap analysis
  gapCriterion: {
    id: '{code} {name}: hilang {lost} poin; naik ke tingkat {level} ({label}) menambah {gain} poin. Pembinaan: {coaching}.',
    en: '{code} {name}: {lost} points lost; reaching level {level} ({label}) adds {gain} points. Coaching: {coaching}.',
  },
  gapCriterionTop: { id: '{code} {name}: hilang {lost} poin.', en: '{code} {name}: {lost} points lost.' },
  gapNone: { id: 'Tidak ada poin yang hilang.', en: 'No points were lost.' },
  gapCoaching: { id: 'Pembinaan yang dianjurkan: {list}.', en: 'Recommended coaching: {list}.' },
  gapUncoachable: {
    id: 'Tidak dapat ditingkatkan melalui pembinaan: {list}.',
    en: 'Coaching cannot raise: {list}.',
  },
  gapNextStar: {
    id: 'Untuk meraih {star}: +{need} poin, paling mudah dicapai melalui {list}.',
    en: 'To reach {star}: +{need} points, most within reach in {list}.',
  },
  gapNextStarOutOfReach: {
    id: 'Untuk meraih {star} perlu +{need} poin; kriteria yang dapat dibina hanya menambah {gained} poin ({list}).',
    en: 'Reaching {star} needs +{need} points; the criteria coaching can raise add only {gained} ({list}).',
  },
  gapTopStar: { id: 'Sudah meraih bintang tertinggi ({star}).', en: 'Already at the highest star ({star}).' },
  gapDenied: {
    id: 'Bintang tidak dapat diberikan sebelum hal ini dipenuhi: {reason}.',
    en: 'No star can be given until this is resolved: {reason}.',
  },
  gapCapped: {
    id: 'Menambah poin saja tidak menaikkan bintang dari {star}: {reason}.',
    en: 'More points alone will not raise the star above {star}: {reason}.',
  },
});

export type RulesKey = keyof typeof rulesText;

// One formatter per language, made once: building an Intl.NumberFormat costs far more than using it,
// and a cycle's results write thousands of notes. Same output as platform/format.ts formatNumber.
const numberFormats: Record<Lang, Intl.NumberFormat> = {
  id: new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
};

function resolve(params: Record<string, Param>, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'number') out[k] = numberFormats[lang].format(Math.round(v * 100) / 100);
    else if (typeof v === 'string') out[k] = v;
    else out[k] = v[lang];
  }
  return out;
}

/** Renders one message in both languages (numbers in each language's format, 2 decimals at most). */
export function bilingual(message: Message, params: Record<string, Param> = {}): Bilingual {
  return {
    id: render(message, 'id', resolve(params, 'id')),
    en: render(message, 'en', resolve(params, 'en')),
  };
}

/**
 * A note from the rules' catalog. Its text is rendered on first read (JSON.stringify and spreading
 * read it too): a cycle's results make thousands of notes, and most are never shown.
 */
export function say(key: RulesKey, params: Record<string, Param> = {}): Note {
  let text: Bilingual | undefined;
  return {
    code: key,
    params,
    get text() {
      text ??= bilingual(rulesText[key], params);
      return text;
    },
  };
}

/** Joins texts in both languages ("a, b dan c" / "a, b and c"). */
export function joinList(items: Bilingual[]): Bilingual {
  const join = (xs: string[], and: string) =>
    xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} ${and} ${xs[xs.length - 1]}`;
  return {
    id: join(
      items.map((i) => i.id),
      'dan',
    ),
    en: join(
      items.map((i) => i.en),
      'and',
    ),
  };
}

/** Joins note texts into one sentence per language. */
export function joinSentences(notes: Bilingual[]): Bilingual {
  return { id: notes.map((n) => n.id).join(' '), en: notes.map((n) => n.en).join(' ') };
}
