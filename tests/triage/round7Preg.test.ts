import { join } from 'node:path';
import { TIER_RANK } from '../../src/domain/types.js';
import { loadTriageContent } from '../../src/triage/loadContent.js';
import { content, projectRoot } from '../support/dialog.js';
import { decideText } from '../support/triage.js';

/**
 * Issue 15 round 7 ("rules widened from the sources"), from NHS.uk pages: pregnancy combinations
 * (Ectopic pregnancy, Vaginal bleeding in pregnancy, Signs that labour has begun), suicidal words with
 * a place or the means at hand (Help for suicidal thoughts), and the heavy-period exclusion of
 * rf.bleeding.heavy in every language (Heavy periods; When to call 999).
 */
const engine = content.triage;
const decide = decideText;
const decideAll = (texts: [string, string][]) =>
  engine.decide({ need: 'need.new', texts: texts.map(([lang, text]) => ({ text, lang })), answers: {}, presentRuleIds: [], deniedRuleIds: [] });
const raw = loadTriageContent(join(projectRoot, 'dialogs'));
const rule = (id: string) => {
  const r = raw.rules.find((x) => x.id === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
};
const LANGS = content.languages.map((l) => l.code);

describe('every new single-concept marker is told in all 20 languages', () => {
  it.each(['cx.preg.dizzy', 'cx.shoulder_tip', 'cx.preg.maybe', 'cx.waters', 'cx.period', 'cx.mh.place', 'cx.mh.means', 'cx.mh.goodbye', 'cx.wound'])(
    '%s',
    (id) => {
      const r = rule(id);
      expect(r.marker).toBe(true);
      expect(LANGS.filter((l) => (r.triggers?.[l] ?? []).length === 0)).toEqual([]);
    },
  );

  it('cx.bleed.heavy_words borrows the trigger words of rf.bleeding.heavy, not its period exclusion', () => {
    expect(rule('cx.bleed.heavy_words').triggersFrom).toBe('rf.bleeding.heavy');
    expect(rule('cx.bleed.heavy_words').excludeFrom ?? []).not.toContain('cx.period');
  });
});

describe('pregnancy combinations (NHS.uk Ectopic pregnancy, Vaginal bleeding in pregnancy): 999', () => {
  it.each([
    ['eng', "I'm 7 weeks pregnant, sharp pain low down on my left side and I feel really dizzy", 'rf.pregnancy.faint_pain'],
    ['ita', 'sono incinta, ho un dolore forte al fianco destro e mi gira la testa', 'rf.pregnancy.faint_pain'],
    ['tur', 'hamileyim, karnımın sol tarafında keskin ağrı var ve başım dönüyor', 'rf.pregnancy.faint_pain'],
    ['eng', "I'm 6 weeks pregnant and I've got pain in the tip of my shoulder", 'rf.pregnancy.shoulder_tip'],
    ['eng', 'my period is 2 weeks late and I have shoulder tip pain', 'rf.pregnancy.shoulder_tip'],
    ['pol', 'jestem w ciąży i boli mnie czubek barku', 'rf.pregnancy.shoulder_tip'],
    ['spa', 'tengo un retraso de la regla y me duele la punta del hombro', 'rf.pregnancy.shoulder_tip'],
    ['pes', 'باردارم و نوک شانه ام درد می کند', 'rf.pregnancy.shoulder_tip'],
    ['eng', "I'm 10 weeks pregnant and bleeding through a pad every hour", 'rf.pregnancy.bleed_pain.combo'],
    ['pan', 'ਮੈਂ ਗਰਭਵਤੀ ਹਾਂ, ਹਰ ਘੰਟੇ ਪੈਡ ਭਰ ਜਾਂਦਾ ਹੈ', 'rf.pregnancy.bleed_pain.combo'],
    ['eng', '34 weeks pregnant, leaking fluid and it is greenish brown', 'rf.pregnancy.waters'],
    ['eng', "I'm 33 weeks and I think my waters have gone", 'rf.pregnancy.waters'],
    ['pol', 'jestem w ciąży, zielony płyn', 'rf.pregnancy.waters'],
  ])('%s: %s', (lang, text, id) => {
    const o = decide(text, lang);
    expect(o.tier).toBe('emergency');
    expect(o.ruleIds).toContain(id);
  });

  it('reads the pregnancy and the shoulder tip from different messages and languages', () => {
    expect(decideAll([['eng', 'I had a positive pregnancy test last week'], ['pol', 'boli mnie czubek barku']]).tier).toBe('emergency');
  });

  it.each([
    ['eng', 'my shoulder hurts since the gym yesterday, I think I overdid the weights'],
    ['eng', "I'm pregnant and my shoulder hurts after the gym"],
    ['eng', 'pregnant and a bit dizzy today'],
    ['eng', 'i have green discharge and itching'],
    ['spa', 'me duele el hombro desde ayer en el gimnasio'],
  ])('not 999: %s: %s', (lang, text) => {
    expect(decide(text, lang).tier).not.toBe('emergency');
  });
});

describe('suicidal words with a place or the means at hand (NHS.uk Help for suicidal thoughts): 999', () => {
  it.each([
    ['eng', "my son texted goodbye from the bridge and now he's not answering"],
    ['eng', "I can't go on, I'm sitting on the roof of the car park"],
    ['eng', "I don't want to live anymore and I've got the pills in front of me"],
    ['spa', 'no quiero vivir más, estoy en el puente'],
    ['fra', "ma fille m'a envoyé un message d'adieu, elle est sur le pont"],
    ['ita', 'voglio farla finita, sono sul tetto'],
    ['ukr', 'не хочу жити, я стою на мосту'],
    ['arb', 'أخي قال إنه يريد أن ينهي حياته وهو الآن على الجسر'],
    ['som', 'ma rabo inaan noolaado, waxaan taaganahay buundada'],
  ])('%s: %s', (lang, text) => {
    const o = decide(text, lang);
    expect(o.tier).toBe('emergency');
  });

  it('joins the words and the place across messages', () => {
    const o = decideAll([['eng', 'I want to end it all'], ['eng', 'I am at the railway line now']]);
    expect(o.ruleIds).toContain('rf.mh.place_means');
  });

  it.each([
    ['eng', 'I stood on the bridge to take a photo and twisted my ankle'],
    ['eng', 'I live near the railway and the noise stops me sleeping'],
    ['eng', "I'm not suicidal, I just walked over the bridge and twisted my knee"],
    ['eng', 'my son texted goodbye from the airport, he is off to uni'],
    ['ita', "sono salita sul tetto a sistemare l'antenna e ho mal di schiena"],
    ['tur', 'fotoğraf çekmek için köprüde durdum, ayağımı burktum'],
  ])('a place word alone raises nothing: %s: %s', (lang, text) => {
    const o = decide(text, lang);
    expect(o.ruleIds).not.toContain('rf.mh.place_means');
    expect(o.tier).not.toBe('emergency');
  });

  it('living by a river is not being there now: passive thoughts stay the crisis line', () => {
    expect(decide("I sometimes wish I wasn't here, I live by the river").tier).toBe('urgent');
  });
});

describe('a heavy period is not bleeding that will not stop, in every language (NHS.uk Heavy periods)', () => {
  it('rf.bleeding.heavy borrows the period words of cx.period (excludeFrom)', () => {
    expect(rule('rf.bleeding.heavy').excludeFrom).toContain('cx.period');
  });

  it.each([
    ['eng', 'my period is really heavy this month'],
    ['eng', "I'm bleeding a lot on my period"],
    ['pol', 'krwawię mocno przy okresie'],
    ['ron', 'sângerez mult la menstruație'],
    ['por', 'estou a sangrar muito com a menstruação'],
    ['spa', 'sangro mucho con la regla'],
    ['fra', 'je saigne beaucoup pendant mes règles'],
    ['ita', 'perdo molto sangue con il ciclo'],
    ['ukr', 'багато крові під час місячних'],
    ['som', 'dhiig badan caadada'],
    ['arb', 'أنزف كثيرا في الدورة الشهرية'],
    ['pes', 'خونریزی شدید پریود'],
    ['tur', 'adetim çok ağır, çok kanıyorum'],
    ['cym', 'gwaedu llawer gyda fy mislif'],
  ])('%s: %s', (lang, text) => {
    const o = decide(text, lang);
    expect(o.ruleIds).not.toContain('rf.bleeding.heavy');
    expect(TIER_RANK[o.tier]).toBeLessThan(TIER_RANK.emergency);
  });

  it.each([
    ['eng', "I'm pregnant and bleeding heavily like a period"],
    ['eng', 'pregnant, bleeding like a heavy period with clots'],
    ['spa', 'estoy embarazada y tengo sangrado abundante como una regla'],
    ['eng', 'cut my hand on glass, bleeding a lot and it will not stop'],
    ['eng', "cut my arm on my period and it's pouring blood"],
    ['spa', 'me corté con un cuchillo estando con la regla y sangra mucho'],
    ['tur', 'adetim var, bıçakla elimi kestim, kan durmuyor'],
  ])('bleeding in pregnancy or after an injury still 999: %s: %s', (lang, text) => {
    expect(decide(text, lang).tier).toBe('emergency');
  });
});
