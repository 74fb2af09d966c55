import { createTypedReader } from '../../../bench/typedAnswers.js';
import { createWordbook } from '../../../src/i18n/wordbook.js';
import { matchCommand } from '../../../src/dialog/interpret/commands.js';
import { CHECK_ANSWERS } from '../../../src/triage/safetySchema.js';

/**
 * How typed answers are read in each language, through the dialog's own reader: letter forms,
 * digits, clitics and case endings; the emergency check read as a yes/no question; and the safety
 * rule that a "no" is never read as anything but no or not sure.
 */
const { read, outcome, content } = createTypedReader();
const wordbook = createWordbook(content.resources, content.languages);
const wordsOf = (lang: string) => wordbook.typedWords(lang);
const languages = content.languages.map((l) => l.code);

describe('letters, digits and word forms', () => {
  it.each([
    ['arb', 'yesNo', 'نَعَم', 'yes'],
    ['arb', 'yesNo', 'نعـــم', 'yes'],
    ['arb', 'yesNo', 'إيوه', 'yes'],
    ['arb', 'yesNo', 'مش متأكدة', 'unsure'],
    ['arb', 'yesNo', 'مش متاكده', 'unsure'],
    ['arb', 'duration', '٣ أيام', 'duration.days'],
    ['arb', 'duration', 'من امبارح', 'duration.days'],
    ['arb', 'duration', 'شهرين', 'duration.months'],
    ['arb', 'relationship', 'لأمي', 'rel.parent'],
    ['arb', 'relationship', 'إبني', 'rel.child'],
    ['arb', 'relationship', 'والدتي', 'rel.parent'],
    ['pes', 'duration', '۳ روز', 'duration.days'],
    ['ben', 'duration', '৩ দিন', 'duration.days'],
    ['ukr', 'duration', 'пʼять днів', 'duration.days'],
    ['ukr', 'duration', 'п’ять днів', 'duration.days'],
    ['ukr', 'duration', "п'ять днів", 'duration.days'],
    ['ukr', 'duration', 'близько місяця', 'duration.weeks'],
    ['ukr', 'duration', 'з ранку', 'duration.today'],
    ['ukr', 'relationship', 'синові', 'rel.child'],
    ['ukr', 'relationship', 'мамі', 'rel.parent'],
    ['ukr', 'who', 'моїй доньці', 'for.other'],
    ['ron', 'yesNo', 'nu știu', 'unsure'],
    ['ron', 'yesNo', 'nu stiu', 'unsure'],
    ['ron', 'yesNo', 'nu, n-am', 'no'],
    ['ron', 'duration', 'de două săptămâni', 'duration.weeks'],
    ['ron', 'duration', 'de doua saptamani', 'duration.weeks'],
    ['ron', 'duration', 'de luni de zile', 'duration.months'],
    ['ron', 'duration', 'de luni', 'duration.days'],
    ['ron', 'relationship', 'mama mea', 'rel.parent'],
    ['ita', 'yesNo', 'non saprei', 'unsure'],
    ['ita', 'yesNo', 'forse sì forse no', 'unsure'],
    ['ita', 'yesNo', "no, non ce l'ho", 'no'],
    ['ita', 'duration', 'da 3 giorni', 'duration.days'],
    ['ita', 'relationship', "un'amica", 'rel.other'],
    ['ita', 'who', 'mia madre', 'for.other'],
    ['fra', 'who', "c'est pour moi", 'for.self'],
    ['lit', 'yesNo', 'nemanau', 'no'],
    ['lit', 'relationship', 'draugei', 'rel.other'],
    ['cym', 'yesNo', 'nac ydi', 'no'],
    ['cym', 'duration', 'ers pythefnos', 'duration.weeks'],
    ['cmn', 'duration', '几个小时', 'duration.today'],
    ['cmn', 'duration', '三个星期', 'duration.weeks'],
    ['eng', 'yesNo', 'yes it does', 'yes'],
    ['eng', 'duration', 'a week', 'duration.days'],
    ['eng', 'duration', 'weeks', 'duration.weeks'],
    ['por', 'duration', 'desde segunda', 'duration.days'],
  ])('%s %s: %p is %s', (lang, kind, text, code) => {
    expect(outcome({ lang, kind, text })).toBe(code);
  });
});

describe('the emergency check is a yes/no question', () => {
  it.each(languages)('%s: its yes, no and not-sure words answer the check', (lang) => {
    const w = wordsOf(lang);
    const at = (text: string) => outcome({ lang, kind: 'safetyCheck', text });
    expect([w.no[0], at(w.no[0] as string)]).toEqual([w.no[0], CHECK_ANSWERS.no]);
    expect([w.yes[0], at(w.yes[0] as string)]).toEqual([w.yes[0], CHECK_ANSWERS.yes]);
    expect([w.unsure[0], at(w.unsure[0] as string)]).toEqual([w.unsure[0], CHECK_ANSWERS.unsure]);
  });

  it('asks again when an answer says yes and no', () => {
    const parsed = read({ lang: 'eng', kind: 'safetyCheck', text: 'yes no' });
    expect(parsed).toMatchObject({ ok: false, either: [CHECK_ANSWERS.yes, CHECK_ANSWERS.no] });
  });
});

describe('a Tamil no at the emergency check', () => {
  // Reported as asked again; read as no in a Tamil conversation and, typed into another, by Tamil's words.
  it.each([
    ['tam', 'இல்லை'], ['tam', 'இல்லை.'], ['tam', 'இல்ல'], ['tam', 'இல்லை, எதுவும் இல்லை'], ['tam', 'illai'],
    ['eng', 'இல்லை'], ['pol', 'இல்லை'],
  ])('%s conversation: %p is no', (lang, text) => {
    expect(outcome({ lang, kind: 'safetyCheck', text })).toBe(CHECK_ANSWERS.no);
    expect(outcome({ lang, kind: 'yesNo', text })).toBe('no');
  });
});

describe('a bare "no" typed in Polish is not an English no (hazard H24)', () => {
  // Colloquial Polish "no" is "yeah": alone it is not sure (a yes at a safety question, and the patient
  // is told why); said with other words it is a particle, read by them. A tapped "Nie" sends the code "no".
  it.each([
    ['no', 'yes|no', `${CHECK_ANSWERS.yes}|${CHECK_ANSWERS.no}`],
    ['No', 'yes|no', `${CHECK_ANSWERS.yes}|${CHECK_ANSWERS.no}`],
    ['no.', 'yes|no', `${CHECK_ANSWERS.yes}|${CHECK_ANSWERS.no}`],
    ['no tak', 'yes', CHECK_ANSWERS.yes],
    ['no jasne', 'yes', CHECK_ANSWERS.yes],
    ['no pewnie', 'yes', CHECK_ANSWERS.yes],
    ['no, mam', 'yes', CHECK_ANSWERS.yes],
    ['no nie', 'no', CHECK_ANSWERS.no],
    ['no raczej nie', 'no', CHECK_ANSWERS.no],
    ['no nie wiem', 'unsure', CHECK_ANSWERS.unsure],
    ['nie', 'no', CHECK_ANSWERS.no],
  ])('pol typed %p: %s, at the check %s', (text, yesNo, check) => {
    expect(outcome({ lang: 'pol', kind: 'yesNo', text })).toBe(yesNo);
    expect(outcome({ lang: 'pol', kind: 'safetyCheck', text })).toBe(check);
  });

  it('a tapped "no" (the button Nie) is no; the check\'s buttons send dotted codes', () => {
    expect(outcome({ lang: 'pol', kind: 'yesNo', text: 'no', tapped: true })).toBe('no');
    expect(outcome({ lang: 'pol', kind: 'yesNo', text: 'yes', tapped: true })).toBe('yes');
    expect(outcome({ lang: 'pol', kind: 'safetyCheck', text: CHECK_ANSWERS.no, tapped: true })).toBe(CHECK_ANSWERS.no);
    expect(outcome({ lang: 'pol', kind: 'safetyCheck', text: CHECK_ANSWERS.no })).toBe(CHECK_ANSWERS.no);
  });

  it('in an English conversation a typed "no" is still no', () => {
    expect(outcome({ lang: 'eng', kind: 'yesNo', text: 'no' })).toBe('no');
    expect(outcome({ lang: 'eng', kind: 'safetyCheck', text: 'no' })).toBe(CHECK_ANSWERS.no);
  });

  it.each(languages.filter((l) => l !== 'pol'))('%s: typed "yes", "no" and "unsure" are read as English reads them (no false friend)', (lang) => {
    expect(['yes', 'no', 'unsure'].map((text) => outcome({ lang, kind: 'yesNo', text }))).toEqual(['yes', 'no', 'unsure']);
    expect(['yes', 'no', 'unsure'].map((text) => outcome({ lang, kind: 'safetyCheck', text }))).toEqual([CHECK_ANSWERS.yes, CHECK_ANSWERS.no, CHECK_ANSWERS.unsure]);
  });
});

describe('not knowing, not remembering and not understanding are never a no', () => {
  // These hold a negator ("non", "не", "nu", "n-am") that alone would answer no; a patient who does not
  // know, or did not understand the question, has not said no to a red flag.
  it.each([
    ['ita', 'non ho idea'], ['ita', 'nessuna idea'], ['ita', 'non ne ho la minima idea'], ['ita', 'non capisco'], ['ita', 'non ho capito'],
    ['ita', 'non me lo ricordo'], ['ita', 'non ne sono sicura'], ['ita', 'non sono certo'], ['ita', 'nn lo so'], ['ita', 'non ci ho fatto caso'],
    ['ukr', 'поняття не маю'], ['ukr', 'гадки не маю'], ['ukr', 'без поняття'], ['ukr', 'не зрозуміла'], ['ukr', 'не розумію'],
    ['ukr', 'не понимаю'], ['ukr', 'не пригадую'], ['ukr', 'не звертала уваги'], ['ukr', 'ne znayu'], ['ukr', 'незнаю'],
    ['ron', 'n-am idee'], ['ron', 'nu am idee'], ['ron', 'n-am habar'], ['ron', 'nu înțeleg'], ['ron', 'nu-mi aduc aminte'],
    ['ron', 'nu pot să spun'], ['ron', 'nu sunt convinsă'], ['ron', 'nu am fost atentă'], ['ron', 'nush'],
    ['ita', 'non posso dirlo'], ['ukr', 'не можу відповісти'], ['ukr', 'нє знаю'], ['ron', 'nu pot răspunde'],
    ['ukr', 'не міряла'], ['ukr', 'не перевіряв'], ['ukr', 'не дивилась'], ['ukr', 'не дуже впевнена'], ['ukr', 'не зовсім зрозуміла'], ['ukr', 'не певний'],
    ['ukr', 'не відомо'], ['ukr', 'понятия не имею'], ['ukr', 'ne pamyatayu'], ['ukr', 'невпевнена'], ['ukr', 'навряд чи є'], ['ukr', 'точно не знаю'],
    ['pol', 'nie rozumiem'], ['pol', 'nie mierzyłam'], ['spa', 'no entiendo'], ['spa', 'no lo he medido'], ['spa', 'nose'], ['por', 'nao lembro'],
    ['fra', 'je comprends pas'], ['fra', "j'ai pas mesuré"], ['ita', 'non ho misurato'], ['cym', "sa i'n siŵr"], ['ron', 'nu am măsurat'],
    ['som', 'ma fahmin'], ['arb', 'ما فهمت'], ['arb', 'ma a3ref'], ['urd', 'mujhe nahi pata'], ['urd', 'yaad nahi'], ['pan', 'ਮੈਨੂੰ ਨਹੀਂ ਪਤਾ'], ['ben', 'mone nei'],
    ['guj', 'yaad nathi'], ['tam', 'gnabagam illa'], ['cmn', '没注意'], ['cmn', '不懂'], ['cmn', '没量过'], ['eng', 'havent checked'], ['eng', 'not too sure'],
    ['eng', "I don't understand"], ['eng', 'i dont understand'], ['eng', 'dont get what you mean'], ['eng', 'what do you mean'], ['eng', "I can't answer that"],
  ])('%s: %p is not sure', (lang, text) => {
    expect(outcome({ lang, kind: 'yesNo', text })).toBe('unsure');
    expect(outcome({ lang, kind: 'safetyCheck', text })).toBe(CHECK_ANSWERS.unsure);
  });

  it.each([['eng', 'ne znayu'], ['pol', 'ne znayu'], ['eng', 'non capisco']])('%s conversation: %p (not sure where it is written) is not read as no', (lang, text) => {
    expect(outcome({ lang, kind: 'yesNo', text })).not.toBe('no');
  });
});

describe('a negation beside a word of knowing (understand.words.knowing) is not sure, in words not listed as a phrase', () => {
  // Word order, other words between, and a yes word ("sure") right beside the negation: never a no.
  it.each([
    ['eng', 'no idea to be honest'], ['eng', 'i really cant remember'], ['fra', 'je sais vraiment rien'], ['fra', 'je pourrais pas dire'],
    ['spa', 'la verdad no lo se'], ['ita', 'non lo so proprio'], ['por', 'nao sei bem'], ['ron', 'nu prea stiu'], ['pol', 'no nie wiem'],
    ['lit', 'nezinau tiksliai'], ['ukr', 'я не знаю точно'], ['cym', 'dwi ddim yn gwybod wir'], ['arb', 'walla mish 3aref'], ['pes', 'vaghean nemidoonam'],
    ['urd', 'pata nahi yaar'], ['urd', 'sach mein pata nahi'], ['pan', 'nahi pata ji'], ['guj', 'mane khabar nathi'], ['ben', 'ami jani na'], ['ben', 'sure na'],
    ['tam', 'sure illa'], ['som', 'ma garanayo'], ['cmn', '我真不知道'],
  ])('%s: %p is not sure', (lang, text) => {
    expect(outcome({ lang, kind: 'yesNo', text })).toBe('unsure');
    expect(outcome({ lang, kind: 'safetyCheck', text })).toBe(CHECK_ANSWERS.unsure);
  });
  // A word of certainty is emphasis, not knowing: "definitely not" stays a no.
  it.each([['eng', 'definitely not'], ['spa', 'seguro que no'], ['ukr', 'точно ні'], ['ron', 'sigur nu'], ['cmn', '肯定没有']])('%s: %p is still no', (lang, text) => {
    expect(outcome({ lang, kind: 'yesNo', text })).toBe('no');
  });
});

describe('a no said with a word that is a yes elsewhere', () => {
  // "да нет" (Russian: no), "no, assolutamente" (no, not at all), "sigur nu" (surely not): no, not yes-or-no.
  it.each([
    ['ukr', 'да нет'], ['ukr', 'наверное нет'], ['ukr', 'та ні, все ок'], ['ita', 'no, assolutamente'], ['ita', 'non mi è mai capitato'],
    ['ita', 'nn ce l ho'], ['ita', 'nono'], ['ron', 'sigur nu'], ['ron', 'clar că nu'], ['ron', 'categoric nu'], ['ron', 'nu prea cred'],
    ['ukr', 'точно немає'], ['ukr', 'да ні'], ['ukr', 'конечно нет'], ['pol', 'oczywiście, że nie'], ['spa', 'por supuesto que no'], ['por', 'com certeza não'],
    ['fra', 'bien sûr que non'], ['ita', 'no, certo'], ['cym', 'wrth gwrs ddim'], ['lit', 'žinoma, ne'], ['tur', 'tabii ki yok'], ['som', 'dabcan maya'],
    ['arb', 'طبعا لا'], ['pes', 'البته که نه'], ['cmn', '当然没有'], ['cmn', '木有'], ['eng', 'no, definitely'],
  ])('%s: %p is no', (lang, text) => {
    expect(outcome({ lang, kind: 'yesNo', text })).toBe('no');
    expect(outcome({ lang, kind: 'safetyCheck', text })).toBe(CHECK_ANSWERS.no);
  });
});

describe('"definitely", "of course", "точно": a yes alone, a stronger answer beside another', () => {
  it.each([
    ['ukr', 'точно', 'yes'], ['ukr', 'звісно', 'yes'], ['ukr', 'точно є', 'yes'], ['ukr', 'звісно, є', 'yes'], ['ukr', 'конечно да', 'yes'],
    ['ukr', 'точно немає', 'no'], ['ukr', 'ні, точно', 'no'], ['ukr', 'точно не', 'no'], ['ukr', 'звісно немає', 'no'], ['ukr', 'конечно нет', 'no'],
    ['ukr', 'нет, конечно', 'no'], ['ukr', 'ні, звичайно', 'no'], ['ukr', 'точно не знаю', 'unsure'],
    ['eng', 'definitely', 'yes'], ['eng', 'of course', 'yes'], ['eng', 'no, definitely', 'no'], ['eng', 'probably not', 'no'], ['eng', 'of course not', 'no'],
    ['eng', 'definitely not sure', 'unsure'],
  ])('%s: %p is %s', (lang, text, code) => {
    expect(outcome({ lang, kind: 'yesNo', text })).toBe(code);
    expect(outcome({ lang, kind: 'safetyCheck', text })).toBe(`safety.${code}`);
  });

  it.each(languages)('%s: each emphasis word is a yes alone, a no beside the first no word, a not sure beside the first not-sure word', (lang) => {
    const w = wordsOf(lang);
    const wrong: string[] = [];
    for (const e of w.emphasis) {
      const check = (text: string, want: string) => {
        for (const kind of ['yesNo', 'safetyCheck']) {
          const got = outcome({ lang, kind, text });
          if (got !== (kind === 'yesNo' ? want : `safety.${want}`)) wrong.push(`${kind} ${text} -> ${got} (want ${want})`);
        }
      };
      check(e, 'yes');
      check(`${e} ${w.no[0] as string}`, 'no');
      // Chinese "不，肯定" (no, certainly) is "不肯定" (not certain) without its comma: listed as not sure, and read so.
      const together = `${w.no[0] as string}${e}`.replace(/\s/g, '');
      check(`${w.no[0] as string}, ${e}`, w.unsure.some((u) => u.replace(/\s/g, '') === together) ? 'unsure' : 'no');
      check(`${e} ${w.unsure[0] as string}`, 'unsure');
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ['eng', 'not definitely'], ['eng', 'not for sure'], ['eng', 'not too sure'], ['eng', 'not definately'], ['ukr', 'не точно'], ['ukr', 'не зовсім точно'],
    // Where the negator is the language's own "no" ("nie", "no", "nu"), "no, definitely" is a no: see above.
  ])('%s: %p (a certainty denied) is not sure, never no', (lang, text) => {
    expect(outcome({ lang, kind: 'yesNo', text })).toBe('unsure');
    expect(outcome({ lang, kind: 'safetyCheck', text })).toBe(CHECK_ANSWERS.unsure);
  });

  it.each(languages)('%s: the buttons still send their codes', (lang) => {
    expect(['yes', 'no', 'unsure'].map((text) => outcome({ lang, kind: 'yesNo', text, tapped: true }))).toEqual(['yes', 'no', 'unsure']);
    const check = [CHECK_ANSWERS.yes, CHECK_ANSWERS.no, CHECK_ANSWERS.unsure];
    expect(check.map((text) => outcome({ lang, kind: 'safetyCheck', text, tapped: true }))).toEqual(check);
  });

  it('a yes and a no said together are still asked about', () => {
    expect(outcome({ lang: 'ukr', kind: 'yesNo', text: 'так, ні' })).toBe('yes|no');
    expect(outcome({ lang: 'eng', kind: 'yesNo', text: 'yes no' })).toBe('yes|no');
  });
});

describe('how long, through a typo', () => {
  // The reader's "now" is Wednesday 4 March 2026. A unit word that means one ("тиждень", a week) still
  // means one with two letters swapped inside it; a long number word is still that number; a
  // weekday in another case or in Russian ("з понеділка", "с пятницы") is still that day.
  it.each([
    ['ukr', 'тиджень', 'duration.days'],
    ['ukr', 'десь тижеднь', 'duration.days'],
    ['ukr', 'міясць', 'duration.weeks'],
    ['ukr', 'неедлю', 'duration.days'],
    ['ron', 'de vreo satpamana', 'duration.days'],
    ['ita', 'qulache settimana', 'duration.weeks'],
    ['ita', 'da quaclhe mese', 'duration.months'],
    ['ron', 'de câetva luni', 'duration.months'],
    ['ukr', 'з поенділка', 'duration.days'],
    ['ukr', 'з суобти', 'duration.days'],
    ['ukr', 'с понедельника', 'duration.days'],
    ['ukr', 'с пятницы', 'duration.days'],
    ['ukr', 'со среды', 'duration.today'],
    // Another ending is another form, not a typo: Turkish reads "hafte" as weeks, as Urdu and Punjabi do.
    ['spa', 'do hafte', 'duration.weeks'],
  ])('%s: %p is %s', (lang, text, code) => {
    expect(outcome({ lang, kind: 'duration', text })).toBe(code);
  });
});

describe('a range of numbers before a unit is a count, not a date', () => {
  // "de 2-3 săptămâni" is two or three weeks, not "since the 2nd".
  it.each([
    ['ron', 'de 2-3 săptămâni', 'duration.weeks'],
    ['spa', 'desde hace 2 o 3 semanas', 'duration.weeks'],
    ['pol', 'od 2-3 tygodni', 'duration.weeks'],
    ['fra', 'depuis 2 ou 3 semaines', 'duration.weeks'],
    ['eng', 'since the 3rd', 'duration.days'],
    ['pol', 'od 3 lutego', 'duration.weeks'],
  ])('%s: %p is %s', (lang, text, code) => {
    expect(outcome({ lang, kind: 'duration', text })).toBe(code);
  });
});

describe('a duration typed in another offered language', () => {
  it.each([
    ['eng', 'due settimane', 'duration.weeks'],
    ['eng', 'hace dos semanas', 'duration.weeks'],
    ['fra', 'kilka godzin', 'duration.today'],
    ['spa', 'do hafte', 'duration.weeks'],
    ['spa', 'bore ma', 'duration.today'],
  ])('%s conversation: %p is %s', (lang, text, code) => {
    expect(outcome({ lang, kind: 'duration', text })).toBe(code);
  });

  // The date model is still asked for what only it reads: dates and holidays in the conversation's language.
  it.each([
    ['eng', 'christmas', 'duration.months'],
    ['eng', 'since christmas', 'duration.months'],
    ['spa', 'navidad', 'duration.months'],
    ['fra', 'noël', 'duration.months'],
    ['eng', 'march', 'duration.days'],
  ])('%s conversation: %p is %s', (lang, text, code) => {
    expect(outcome({ lang, kind: 'duration', text })).toBe(code);
  });
});

describe('a day and its month', () => {
  // The reader's "now" is Wednesday 4 March 2026: the 3rd of February is 29 days back, not yesterday.
  it.each([
    ['eng', 'since the 3rd of february', 'duration.weeks'],
    ['eng', 'since 3rd feb', 'duration.weeks'],
    ['eng', 'since february 3rd', 'duration.weeks'],
    ['eng', 'since the 2nd of march', 'duration.days'],
    ['eng', 'since the 3rd', 'duration.days'],
    ['eng', 'since the 20th of december', 'duration.months'],
    ['pol', 'od 3 lutego', 'duration.weeks'],
    ['fra', 'depuis le 3 février', 'duration.weeks'],
    ['spa', 'desde el 3 de febrero', 'duration.weeks'],
  ])('%s conversation: %p is %s', (lang, text, code) => {
    expect(outcome({ lang, kind: 'duration', text })).toBe(code);
  });
});

describe('a no is never read as anything but no or not sure', () => {
  it.each(languages)('%s: every word for no, and for not sure, at a red-flag question and at the check', (lang) => {
    const w = wordsOf(lang);
    const wrong: string[] = [];
    for (const text of w.no) {
      for (const kind of ['yesNo', 'safetyCheck']) {
        const got = outcome({ lang, kind, text });
        if (!/^(safety\.)?(no|unsure)$/.test(got)) wrong.push(`${kind} ${text} -> ${got}`);
      }
    }
    // A false friend (a word English reads otherwise: Polish "no") is asked about by name instead.
    const english = wordsOf('eng');
    const falseFriend = (text: string) => lang !== 'eng' && [...english.yes, ...english.no].includes(text);
    for (const text of w.unsure) {
      const got = outcome({ lang, kind: 'yesNo', text });
      if (got !== (falseFriend(text) ? 'yes|no' : 'unsure')) wrong.push(`unsure ${text} -> ${got}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('answers are not commands', () => {
  // Folding drops accents: Turkish "cık" (no) would be "çık" (quit) and end the conversation.
  it.each(languages)('%s: no word for yes, no or not sure is also a command', (lang) => {
    const w = wordsOf(lang);
    const commands = [...w.yes, ...w.no, ...w.unsure].map((text) => [text, matchCommand(text, lang, wordbook)]).filter(([, c]) => c !== null);
    expect(commands).toEqual([]);
  });
});

describe('what is not a name, in every language', () => {
  it.each(languages)('%s: its yes, no, not sure and skip are not names', (lang) => {
    const w = wordsOf(lang);
    const skip = [wordbook.choiceTitle(lang, 'skip') ?? '', ...wordbook.choiceSynonyms(lang, 'skip')].filter((s) => s !== '');
    const answers = [...w.yes.slice(0, 3), ...w.no.slice(0, 3), ...w.unsure.slice(0, 3), ...skip, 'idk', 'skip', 'J'];
    const accepted = answers.filter((text) => read({ lang, kind: 'name', text }).ok);
    expect(accepted).toEqual([]);
    expect(skip.length).toBeGreaterThan(0);
  });
});

describe('names that hold a word for yes or no are names', () => {
  it.each([['ita', 'Gia Rossi'], ['ita', 'Mica Bianchi'], ['eng', 'Noah Sure'], ['ron', 'Ana Bine']])('%s: %p', (lang, text) => {
    expect(read({ lang, kind: 'name', text })).toMatchObject({ ok: true });
  });

  it.each([['eng', 'i am not sure'], ['ita', 'non lo so'], ['ukr', 'не знаю'], ['arb', 'ما ادري']])('%s: %p is not', (lang, text) => {
    expect(read({ lang, kind: 'name', text }).ok).toBe(false);
  });
});

describe('dates of birth and phone numbers in other digits and forms', () => {
  it.each([
    ['arb', '١٢/٣/١٩٨٥', '1985-03-12'],
    ['pes', '۱۲/۰۳/۱۹۸۵', '1985-03-12'],
    ['ben', '১২/০৩/১৯৮৫', '1985-03-12'],
    ['cmn', '1985年3月12号', '1985-03-12'],
    ['lit', '1985 m. kovo 12 d.', '1985-03-12'],
    ['cym', '12fed Mawrth 1985', '1985-03-12'],
    ['eng', '1985 March 12', '1985-03-12'],
    ['ukr', '12 березня 1985', '1985-03-12'],
  ])('%s: %p is %s', (lang, text, iso) => {
    expect(read({ lang, kind: 'dob', text })).toMatchObject({ ok: true, code: iso });
  });

  it.each([['arb', '٠٧٧٠٠ ٩٠٠١٢٣'], ['pes', '۰۷۷۰۰ ۹۰۰۱۲۳']])('%s: %p is a UK mobile', (lang, text) => {
    expect(read({ lang, kind: 'phone', text })).toMatchObject({ ok: true, code: '07700900123' });
  });
});

describe('"I\'m his mum": the speaker names themself, not the patient (issue 15 round 7)', () => {
  it.each([
    ['who', 'I am his mum', { code: 'for.other', relationship: 'rel.child' }],
    ['who', "I'm her dad", { code: 'for.other', relationship: 'rel.child' }],
    ['relationship', 'I am his mum', { code: 'rel.child' }],
    ['relationship', "I'm her son", { code: 'rel.parent' }],
    ['relationship', 'my mum', { code: 'rel.parent' }],
    ['relationship', 'I am his wife', { code: 'rel.partner' }],
    ['relationship', 'ask him his mum', { code: 'rel.parent' }],
  ] as const)('%s: %p', (kind, text, expected) => {
    expect(read({ lang: 'eng', kind, text })).toMatchObject({ ok: true, ...expected });
  });
});
