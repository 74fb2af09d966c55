/**
 * Round 10 (s10-emerg, H48): the silent patient's emergencies told without the words the triggers
 * knew, widened from the NHS pages' signs (baby movements, a chemical in the eye, a staggered
 * paracetamol overdose, cauda equina, an ectopic pregnancy, a dehydrated and sleepy baby, a blistered
 * burn on a hand or the face), and the everyday near-misses beside them that must stay below 999.
 * The phrases are our own, not the opened sets' sentences.
 */
import { screenedTierOf as tierOf } from '../support/triage.js';

describe('round 10 emergencies told in patients\' words reach 999 or A&E', () => {
  it.each([
    ['eng', "I'm 36 weeks pregnant and she has been really quiet since last night, hardly felt her"],
    ['spa', 'Estoy embarazada de 35 semanas y el bebé está muy quieto hoy'],
    ['tur', '32 haftalık hamileyim, bebek bugün çok sakin, neredeyse hissetmedim'],
    ['eng', 'my little boy got oven cleaner sprayed at him and some went in his eye'],
    ['fra', "j'ai reçu une giclée de javel, ça m'a brûlé l'oeil droit"],
    ['eng', 'been taking paracetamol every two hours since yesterday for my back'],
    ['eng', 'I take paracetamol and lemsip together every few hours for this flu'],
    ['pol', 'biorę paracetamol co dwie godziny bo boli ząb'],
    ['eng', 'my back has been killing me and now both legs are tingling'],
    ['spa', 'me duele mucho la espalda y no puedo orinar desde esta mañana'],
    ['eng', 'positive pregnancy test last week, sharp pain low down on one side and I feel dizzy'],
    ['eng', 'baby is 7 months, dry nappy since breakfast and she is very sleepy'],
    ['spa', 'mi bebé de 6 meses tiene diarrea, pañal seco desde anoche y está muy adormilado'],
    ['eng', 'my 3 year old pulled the kettle over, his hand has big blisters'],
    ['pol', 'synek jest poparzony, ma pęcherze na ręce'],
    ['pol', 'córka poparzona wrzątkiem, pęcherze na dłoni'],
    ['ita', "mio figlio ha toccato il ferro da stiro, ha vesciche sul palmo della mano"],
    ['pes', 'باردارم هفته 34، امروز بچه خیلی آرومه'],
    ['ukr', 'я вагітна, 34 тиждень, малюк сьогодні дуже тихий'],
    ['tur', 'çamaşır suyu sıçradı gözüme yanıyor'],
    ['arb', 'بنتي عمرها 6 شهور عندها اسهال والحفاض ناشف من الصبح وهي نعسانة كتير'],
    ['tur', 'kızım sıcak çayı eline döktü, su kabarcığı oldu'],
    ['ukr', 'п\'ю парацетамол, виходить штук 12-14 на день'],
    ['ita', 'ho mal di schiena e non riesco a urinare da stamattina'],
  ])('%s: %s', (lang, text) => {
    expect(tierOf(text, lang)).toBe('emergency');
  });
});

describe('round 10 everyday near-misses stay below 999', () => {
  it.each([
    ['eng', 'baby kicking a lot today, is that normal at 30 weeks pregnant'],
    ['eng', '30 weeks pregnant and baby moving normally, question about vitamins'],
    ['eng', 'the bleach smell in the bathroom gives me a headache'],
    ['eng', 'took 2 paracetamol this morning for a headache'],
    ['eng', 'I take paracetamol every 4 to 6 hours when my knee is bad'],
    ['ukr', "п'ю парацетамол кожні 4 години"],
    ['fra', 'je prends du doliprane toutes les 4 heures'],
    ['cmn', '每4小时吃一次扑热息痛'],
    ['eng', 'numb hands when I wake up'],
    ['eng', "it's 6 weeks since my period, could I be pregnant"],
    ['eng', 'nappy rash on my baby, quite red'],
    ['eng', 'burnt toast set the alarm off, all fine'],
    ['eng', 'blister on my foot from new shoes'],
    ['eng', 'sunburn on my arms with a few blisters'],
    ['eng', 'my baby is sleepy after her jabs'],
    ['tur', 'günde 10 tane hap alıyorum, reçetemi yenilemek istiyorum'],
    ['ita', 'prendo 10 pastiglie al giorno, mi serve la ricetta nuova'],
    ['ron', 'sunt în săptămâna 30, bebelușul se mișcă normal'],
    ['eng', "I'm pregnant and my toddler is very quiet today"],
    ['eng', 'hot tea spilled on my hand, it is red but no blisters'],
    ['eng', 'I have a blister on my hand from gardening'],
    ['eng', 'my baby has a dry nappy this morning but is feeding well'],
    ['eng', 'I take co-codamol for my back every 6 hours'],
    ['eng', 'lost count of how many cups of coffee today'],
    ['ukr', "п'ю парацетамол, 2 штуки на день"],
  ])('%s: %s', (lang, text) => {
    expect(tierOf(text, lang)).not.toBe('emergency');
  });
});
