import { createTypedReader } from './bench/typedAnswers.js';
const { read } = createTypedReader();
console.log(JSON.stringify(read({ lang: 'spa', kind: 'who', text: 'para mí' })));
console.log(JSON.stringify(read({ lang: 'fra', kind: 'who', text: 'pour moi' })));
console.log(JSON.stringify(read({ lang: 'cym', kind: 'impact', text: 'ychydig' })));
