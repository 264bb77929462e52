/** Words for nomination states, moves, guards and eligibility rules, shared with the nominations code. */
import type { NominationState } from '../../platform/domain.ts';
import { defineMessages, type Lang, render } from '../../platform/i18n.ts';
import type { EligibilityRule, RuleOutcome } from './eligibility.ts';
import type { NominationAction, TransitionCheck, TransitionGuard } from './nomination-states.ts';

type P = Record<string, string | number>;

export const nominationText = defineMessages({
  state_draft: { id: 'Draf', en: 'Draft' },
  state_submitted: { id: 'Diajukan', en: 'Submitted' },
  state_returned: { id: 'Dikembalikan untuk perbaikan', en: 'Returned for correction' },
  state_admin_passed: { id: 'Lolos seleksi administrasi', en: 'Passed administrative selection' },
  state_admin_failed: { id: 'Tidak lolos seleksi administrasi', en: 'Failed administrative selection' },
  state_in_assessment: { id: 'Dalam penilaian', en: 'In assessment' },
  state_assessed: { id: 'Sudah dinilai', en: 'Assessed' },
  state_decided: { id: 'Ditetapkan', en: 'Decided' },
  state_published: { id: 'Diumumkan', en: 'Published' },
  state_withdrawn: { id: 'Ditarik', en: 'Withdrawn' },

  action_submit: { id: 'ajukan', en: 'submit' },
  action_resubmit: { id: 'ajukan ulang', en: 'resubmit' },
  action_withdraw: { id: 'tarik', en: 'withdraw' },
  action_return: { id: 'kembalikan untuk perbaikan', en: 'return for correction' },
  action_pass: { id: 'luluskan', en: 'pass' },
  action_fail: { id: 'nyatakan tidak lolos', en: 'fail' },
  action_start_assessment: { id: 'mulai penilaian', en: 'start assessment' },
  action_complete_assessment: { id: 'selesaikan penilaian', en: 'complete assessment' },
  action_decide: { id: 'tetapkan', en: 'decide' },
  action_publish: { id: 'umumkan', en: 'publish' },

  done_submit: { id: 'diajukan', en: 'submitted' },
  done_resubmit: { id: 'diajukan ulang', en: 'resubmitted' },
  done_withdraw: { id: 'ditarik', en: 'withdrawn' },
  done_return: { id: 'dikembalikan untuk perbaikan', en: 'returned for correction' },
  done_pass: { id: 'diluluskan', en: 'passed' },
  done_fail: { id: 'dinyatakan tidak lolos', en: 'failed' },
  done_start_assessment: { id: 'mulai dinilai', en: 'put into assessment' },
  done_complete_assessment: { id: 'dinyatakan selesai dinilai', en: 'marked as assessed' },
  done_decide: { id: 'ditetapkan', en: 'decided' },
  done_publish: { id: 'diumumkan', en: 'published' },

  guard_withinProposalWindow: { id: 'masa pengajuan sedang berjalan', en: 'the proposal window is open' },
  guard_beforeAdminSelectionEnd: {
    id: 'seleksi administrasi belum berakhir',
    en: 'administrative selection has not ended',
  },
  guard_requiredDocumentsPresent: {
    id: 'semua dokumen wajib sudah diunggah',
    en: 'every required document is uploaded',
  },
  guard_withinQuota: { id: 'kuota kabupaten/kota belum penuh', en: 'the regency/city quota is not used up' },
  guard_commentOnEachFault: {
    id: 'setiap persyaratan yang bermasalah diberi catatan',
    en: 'each faulty requirement has a comment',
  },
  guard_allItemsConfirmed: {
    id: 'setiap persyaratan sudah diperiksa',
    en: 'every requirement has been checked',
  },
  guard_reasonGiven: { id: 'alasan diisi', en: 'a reason is given' },
  guard_assessorsAssigned: { id: 'penilai sudah ditugaskan', en: 'assessors are assigned' },
  guard_allScoreSheetsSubmitted: {
    id: 'semua lembar penilaian sudah dikirim',
    en: 'every score sheet is submitted',
  },
  guard_decisionApproved: { id: 'penetapan sudah disetujui', en: 'the decision is approved' },
  guard_publicationOpen: { id: 'tahap pengumuman sedang berjalan', en: 'the publication phase is open' },

  refusedNotAllowed: {
    id: 'Usulan berstatus "{state}" tidak dapat {done}.',
    en: 'A nomination that is "{state}" cannot be {done}.',
  },
  refusedWrongActor: {
    id: 'Peran Anda tidak dapat melakukan tindakan "{action}" pada usulan ini.',
    en: 'Your role cannot {action} this nomination.',
  },
  refusedGuard: {
    id: 'Belum dapat {done}: syarat yang belum terpenuhi: {guards}.',
    en: 'Cannot be {done} yet: conditions not met: {guards}.',
  },
  lateSubmission: {
    id: (p: P) => `Masa pengajuan sudah berakhir pada ${p.when_id}; usulan tidak dapat diajukan lagi.`,
    en: (p: P) => `The proposal window ended on ${p.when_en}; the nomination can no longer be submitted.`,
  },
  windowNotOpen: {
    id: (p: P) => `Masa pengajuan baru dibuka pada ${p.when_id}.`,
    en: (p: P) => `The proposal window opens on ${p.when_en}.`,
  },

  rule_sentra_decree: {
    id: 'IKM berada di sentra IKM yang ditetapkan dengan SK bupati/walikota',
    en: 'The IKM is in an IKM centre set up by a regent/mayor decree',
  },
  rule_lead_business: { id: 'IKM adalah penghela sentra', en: "The IKM is the centre's lead business" },
  rule_nib: { id: 'IKM memiliki NIB', en: 'The IKM holds a NIB' },
  rule_commodity_covered: {
    id: 'Komoditas produk termasuk dalam periode ini',
    en: 'The product’s commodity is covered by this cycle',
  },
  rule_food_permit: {
    id: 'Izin edar pangan (PIRT atau BPOM MD) berlaku pada batas pengajuan',
    en: 'Food distribution permit (PIRT or BPOM MD) valid on the proposal deadline',
  },
  rule_food_halal: {
    id: 'Sertifikat halal berlaku pada batas pengajuan',
    en: 'Halal certificate valid on the proposal deadline',
  },
  rule_food_lab_test: {
    id: 'Hasil uji laboratorium keamanan pangan berlaku pada batas pengajuan',
    en: 'Food-safety laboratory test valid on the proposal deadline',
  },
  rule_earlier_star_holder: {
    id: 'Belum pernah menerima bintang OVOP',
    en: 'Has not received an OVOP star before',
  },
  outcomeLeadReason: {
    id: 'Bukan penghela; alasan: {reason}',
    en: 'Not the lead business; reason: {reason}',
  },
  outcomeExpired: {
    id: 'Nomor {number} berlaku sampai {expiresOn}, sebelum batas pengajuan {deadline}.',
    en: 'Number {number} is valid until {expiresOn}, before the proposal deadline {deadline}.',
  },
  outcomeMissing: { id: 'Belum ada dokumennya.', en: 'No such document yet.' },
  outcomeEarlierStar: {
    id: 'Sudah menerima {stars} bintang pada {year}: masuk evaluasi ulang.',
    en: 'Received {stars} star(s) in {year}: goes to re-evaluation.',
  },
  status_pass: { id: 'Memenuhi', en: 'Met' },
  status_fail: { id: 'Tidak memenuhi', en: 'Not met' },
  status_not_applicable: { id: 'Tidak berlaku', en: 'Not applicable' },
  status_flag: { id: 'Perlu perhatian', en: 'Needs attention' },
});

/** One colour per state, everywhere (DESIGN.md §5). */
export const STATE_TONES: Record<NominationState, 'grey' | 'blue' | 'green' | 'yellow' | 'red' | 'purple'> = {
  draft: 'grey',
  submitted: 'blue',
  returned: 'yellow',
  admin_passed: 'green',
  admin_failed: 'red',
  in_assessment: 'purple',
  assessed: 'purple',
  decided: 'blue',
  published: 'green',
  withdrawn: 'grey',
};

export const stateLabel = (s: NominationState, lang: Lang) => render(nominationText[`state_${s}`], lang);
export const actionLabel = (a: NominationAction, lang: Lang) => render(nominationText[`action_${a}`], lang);
export const guardLabel = (g: TransitionGuard, lang: Lang) => render(nominationText[`guard_${g}`], lang);
export const ruleLabel = (r: EligibilityRule, lang: Lang) => render(nominationText[`rule_${r}`], lang);

/** Why a move was refused, in the user's words. */
export function transitionRefusal(check: Exclude<TransitionCheck, { ok: true }>, lang: Lang): string {
  const action = actionLabel(check.action, lang);
  const done = render(nominationText[`done_${check.action}`], lang);
  if (check.reason === 'not_allowed')
    return render(nominationText.refusedNotAllowed, lang, { state: stateLabel(check.from, lang), done });
  if (check.reason === 'wrong_actor') return render(nominationText.refusedWrongActor, lang, { action });
  return render(nominationText.refusedGuard, lang, {
    done,
    guards: check.failed.map((g) => guardLabel(g, lang)).join('; '),
  });
}

/** The detail line of a rule's outcome (expired document, reason given, earlier star). */
export function outcomeDetail(o: RuleOutcome, lang: Lang): string {
  if (o.rule === 'lead_business' && o.status === 'flag')
    return render(nominationText.outcomeLeadReason, lang, o.params);
  if (o.rule === 'earlier_star_holder' && o.params.year)
    return render(nominationText.outcomeEarlierStar, lang, o.params);
  if (o.status === 'fail' && o.params.missing) return render(nominationText.outcomeMissing, lang);
  if (o.status === 'fail' && o.params.expiresOn) return render(nominationText.outcomeExpired, lang, o.params);
  return '';
}
