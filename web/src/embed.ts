/**
 * The one-line embed: `<script src="https://practice.example/chat/embed.js" data-title="…"
 * data-colour="#005eb8" data-lang="cy" async></script>`. Adds a launcher button that opens /chat in
 * an iframe panel. Styles are set through CSSOM, which host pages' CSP allows, never inline markup.
 * The server puts the launcher texts per language in place of EMBED_TEXTS when it serves this file.
 */
interface EmbedTexts {
  open: string;
  close: string;
  frameTitle: string;
}
declare const EMBED_TEXTS: Record<string, EmbedTexts>;

(function embed(): void {
  const script = document.currentScript as HTMLScriptElement | null;
  if (!script) return;
  const origin = new URL(script.src).origin;
  const d = script.dataset;
  const lang = (d.lang ?? document.documentElement.lang ?? 'en').slice(0, 35);
  const texts = EMBED_TEXTS[lang] ?? EMBED_TEXTS[lang.split('-')[0] ?? ''] ?? EMBED_TEXTS.en;
  if (!texts) return;
  const colour = /^#[0-9a-fA-F]{6}$/.test(d.colour ?? '') ? (d.colour as string) : '#005eb8';
  const title = (d.title ?? '').slice(0, 60);

  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.textContent = title || texts.open;
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', 'gp-chat-panel');
  Object.assign(launcher.style, {
    position: 'fixed', right: '16px', bottom: '16px', zIndex: '2147483000', padding: '12px 20px',
    font: 'bold 1rem/1.3 Arial, sans-serif', color: '#fff', background: colour, border: '2px solid #fff',
    borderRadius: '24px', boxShadow: '0 2px 6px rgba(0,0,0,.4)', cursor: 'pointer', maxWidth: 'calc(100vw - 32px)',
  });

  const panel = document.createElement('section');
  panel.id = 'gp-chat-panel';
  panel.setAttribute('aria-label', title || texts.frameTitle);
  panel.hidden = true;
  Object.assign(panel.style, {
    position: 'fixed', right: '8px', bottom: '8px', zIndex: '2147483001', width: 'min(420px, calc(100vw - 16px))',
    height: 'min(680px, calc(100vh - 16px))', background: '#fff', border: `2px solid ${colour}`, borderRadius: '8px',
    boxShadow: '0 4px 16px rgba(0,0,0,.35)', display: 'none', flexDirection: 'column', overflow: 'hidden',
  });

  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = texts.close;
  Object.assign(close.style, {
    alignSelf: 'flex-end', margin: '4px', padding: '6px 12px', font: 'bold 1rem Arial, sans-serif',
    color: '#fff', background: '#212b32', border: '0', borderRadius: '4px', cursor: 'pointer',
  });

  let frame: HTMLIFrameElement | undefined;
  const open = (): void => {
    if (!frame) {
      // Created on first open only, so a page visit that never opens the chat costs one small script.
      frame = document.createElement('iframe');
      const url = new URL('/chat', origin);
      url.searchParams.set('embed', '1');
      url.searchParams.set('lang', lang);
      // No title in the URL: the page takes its heading from the practice file only.
      url.searchParams.set('colour', colour);
      frame.src = url.toString();
      frame.title = title || texts.frameTitle;
      Object.assign(frame.style, { flex: '1', width: '100%', border: '0' });
      panel.append(frame);
    }
    panel.hidden = false;
    panel.style.display = 'flex';
    launcher.style.display = 'none';
    launcher.setAttribute('aria-expanded', 'true');
    close.focus();
  };
  const shut = (): void => {
    panel.hidden = true;
    panel.style.display = 'none';
    launcher.style.display = '';
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  };
  launcher.addEventListener('click', open);
  close.addEventListener('click', shut);
  panel.addEventListener('keydown', (e) => e.key === 'Escape' && shut());
  window.addEventListener('message', (e) => {
    if (e.origin === origin && (e.data as { type?: string } | null)?.type === 'gp-chat:close' && !panel.hidden) shut();
  });

  panel.append(close);
  document.body.append(launcher, panel);
})();
