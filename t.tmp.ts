import { conversation } from './tests/support/dialog.js';
const c = conversation();
for (const s of process.argv.slice(2)) { const r = c.say(s); console.log(`> ${s}\n[${r.result.state}] ${r.text.replace(/\n+/g,' | ').slice(0,300)}`); }
